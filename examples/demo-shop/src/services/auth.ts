import Taro from '@tarojs/taro'

// Sign in silently; the code goes to our server.
export function signIn() {
  return wx.login({ timeout: 3000 })
}

// The old profile call, kept for Douyin's legacy screen.
export function legacyProfile() {
  return Taro.getUserInfo({ lang: 'zh_CN' })
}

export function alipayProfile() {
  if (__TARO_ENV === 'alipay') {
    return Taro.getOpenUserInfo()
  }
  return Taro.getOpenUserInfo()
}
