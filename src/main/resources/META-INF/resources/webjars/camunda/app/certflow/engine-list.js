// CertFlow (issue 15): the list of process engines (GET /camunda/api/engine/engine/) is answered only to signed-in
// users (401 otherwise, see EngineListForSignedInUsers). The webapps' login asks for that list once before posting
// the credentials, and other start-up code looks for the engine of the page's own address in it. This AngularJS
// module, loaded through requireJsConfig in each webapp's scripts/config.js, answers exactly that call, when it is
// refused for want of a login, with the one engine the page's address already names: nothing more is learnt, and
// signing in works as before. After the login the server's own list is used.
define('certflow-engine-list', ['angular'], function (angular) {
  'use strict';

  var ENGINE_LIST = /\/api\/engine\/engine\/?(\?.*)?$/;

  function engineOfThisPage() {
    var match = /\/app\/[^/]+\/([^/]+)\//.exec(window.location.pathname);
    return match ? decodeURIComponent(match[1]) : 'default';
  }

  return angular.module('certflow.engineList', []).config(['$httpProvider', function ($httpProvider) {
    $httpProvider.interceptors.push(['$q', function ($q) {
      return {
        responseError: function (rejection) {
          var config = rejection && rejection.config;
          if (config && rejection.status === 401 && (config.method || 'GET').toUpperCase() === 'GET'
              && ENGINE_LIST.test(config.url || '')) {
            return {
              status: 200,
              statusText: 'OK',
              config: config,
              headers: rejection.headers,
              data: [{ name: engineOfThisPage() }]
            };
          }
          return $q.reject(rejection);
        }
      };
    }]);
  }]);
});
