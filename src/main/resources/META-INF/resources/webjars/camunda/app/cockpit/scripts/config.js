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
  // Issue 19.6: the decision table viewer's words in Chinese (../certflow/cockpit-labels.js).
  requireJsConfig: {
    deps: ['certflow-engine-list', 'certflow-cockpit-labels'],
    ngDeps: ['certflow.engineList', 'certflow.cockpitLabels'],
    paths: {
      'certflow-engine-list': '../certflow/engine-list',
      'certflow-cockpit-labels': '../certflow/cockpit-labels'
    }
  }
};
