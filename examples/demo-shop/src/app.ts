import { Component } from 'react'
import Taro from '@tarojs/taro'

class App extends Component {
  componentDidMount() {
    if (Taro.canIUse('login')) {
      Taro.login()
    }
  }

  render() {
    return this.props.children
  }
}

export default App
