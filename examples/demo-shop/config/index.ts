const config = {
  projectName: 'demo-shop',
  designWidth: 750,
  sourceRoot: 'src',
  outputRoot: 'dist',
  plugins: [],
  defineConstants: {
    __TARO_ENV: JSON.stringify(process.env.TARO_ENV),
  },
  framework: 'react',
}

module.exports = function (merge) {
  return merge({}, config)
}
