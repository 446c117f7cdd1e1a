// CertFlow override of the webapp's scripts/config.js (served in place of the one in camunda-webapp-webjar 7.24.0,
// because the application's own META-INF/resources come first on the class path).
// Locales: the browser's first language decides ("zh-CN" -> zh, anything else -> en); keys that zh.json lacks
// fall back to the English en.json of the webjar. See README, "Webapps in Chinese".
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

  // Issue 15: the list of engines (/camunda/api/engine/engine/) needs a login; ../certflow/engine-list.js keeps the
  // login form's first call to it working (see EngineListForSignedInUsers).
  // Issue 19.5: form validation messages in Chinese, the wrong field highlighted (../certflow/form-messages.js).
  requireJsConfig: {
    deps: ['certflow-engine-list', 'certflow-form-messages'],
    ngDeps: ['certflow.engineList', 'certflow.formMessages'],
    paths: {
      'certflow-engine-list': '../certflow/engine-list',
      'certflow-form-messages': '../certflow/form-messages'
    }
  },

  // as in the webjar's default config.js (its descriptions show in the keyboard shortcut help)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务 (claims the currently selected task)'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '焦点移到第一个过滤器 (set the focus to the first filter in the list)'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '焦点移到列表中的第一个任务 (sets the focus to the first task in the list)'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '焦点移到任务表单的第一个输入框 (sets the focus to the first input field in a task form)'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框 (opens the start process modal dialog)'
    }
  }
};
