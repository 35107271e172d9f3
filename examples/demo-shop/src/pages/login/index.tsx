import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

export default function Login() {
  const onTap = async () => {
    const profile = await Taro.getUserProfile({ desc: '用于完善会员资料' })
    console.log(profile.userInfo)
  }

  const onSafeTap = () => {
    if (Taro.canIUse('getUserProfile')) {
      Taro.getUserProfile({ desc: 'member profile', lang: 'fr', success: (res) => console.log(res) })
    }
  }

  const onForce = () => {
    Taro.getUserProfile({ force: true, desc: 'To show your avatar and nickname on every order you place' })
  }

  const onQuick = () => Taro.getUserProfile({ lang: 'en', success: console.log })

  const onReviewed = () => {
    // taro-compat-ignore getUserProfile -- shown only after the user opened the weapp-only member card
    Taro.getUserProfile({ desc: 'member card' })
  }

  return (
    <View>
      <Button onClick={onTap}>Log in</Button>
      <Button onClick={onSafeTap}>Log in (checked)</Button>
      <Button onClick={onForce}>Log in (Douyin)</Button>
      <Button onClick={onQuick}>Quick login</Button>
      <Button onClick={onReviewed}>Member card</Button>
    </View>
  )
}
