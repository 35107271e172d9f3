import Taro from '@tarojs/taro'
import { View, Button, Input } from '@tarojs/components'

export default function Profile() {
  const onChooseAvatar = (e) => Taro.setStorageSync('avatar', e.detail.avatarUrl)

  return (
    <View>
      {process.env.TARO_ENV === 'weapp' && (
        <Button openType="chooseAvatar" onChooseAvatar={onChooseAvatar}>Avatar</Button>
      )}
      <Input type="nickname" placeholder="Nickname" />
    </View>
  )
}
