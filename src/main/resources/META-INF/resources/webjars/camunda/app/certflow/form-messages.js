// CertFlow (issue 19.5): every validation message of a Tasklist form in Chinese, and the wrong field highlighted.
// - form-js's own messages ("Field is required." ...) are fixed strings in the webjar's bundle: they are replaced in
//   the page as they appear (a MutationObserver on the form's error elements).
// - a submission the server refuses answers "Cannot submit task form <id>: field: message" (the engine REST API's
//   prefix): the prefix is replaced by a Chinese one, the field keys by the form's labels (from the deployed form
//   Tasklist loaded), and each named field is marked like a form-js error.
// Links of the forms to the staff pages (/staff/...) open in a new tab; Tasklist's header links to them (员工页面).
// Loaded through requireJsConfig in tasklist/scripts/config.js, as certflow-engine-list.
define('certflow-form-messages', ['angular'], function (angular) {
  'use strict';

  var FORM_JS = [
    [/^Field is required\.$/, function () { return '此项必填。'; }],
    [/^Field must match pattern (.*)\.$/, function () { return '格式不正确。'; }],
    [/^Field must have minimum value of (.*)\.$/, function (m) { return '不能小于 ' + m[1] + '。'; }],
    [/^Field must have maximum value of (.*)\.$/, function (m) { return '不能大于 ' + m[1] + '。'; }],
    [/^Field must have minimum length of (.*)\.$/, function (m) { return '至少 ' + m[1] + ' 个字符。'; }],
    [/^Field must have maximum length of (.*)\.$/, function (m) { return '最多 ' + m[1] + ' 个字符。'; }],
    [/^Field must be a valid email\.$/, function () { return '请填写有效的电子邮件地址。'; }],
    [/^Field must be a valid\s+international phone number.*$/, function () { return '请填写有效的国际电话号码（例如 +8622…）。'; }],
    [/^Value must be a number\.?$/, function () { return '请填写数字。'; }],
    [/^Incorrect value, nearest valid values are (.*) and (.*)\.$/, function (m) { return '数值不符合步长，最接近的有效值是 ' + m[1] + ' 和 ' + m[2] + '。'; }]
  ];

  var PREFIXES = [
    [/^Cannot submit task form [^:]+:\s*/, '表单未提交：'],
    [/^Cannot instantiate process definition [^:]+:\s*/, '申请未提交：'],
    [/^Cannot submit task form\s*/, '表单未提交：']
  ];

  // key -> { id, label } of the form Tasklist loaded last
  var fields = {};

  function translate(text) {
    for (var i = 0; i < FORM_JS.length; i++) {
      var m = FORM_JS[i][0].exec(text);
      if (m) {
        return FORM_JS[i][1](m);
      }
    }
    return text;
  }

  function readSchema(schema) {
    fields = {};
    (function walk(components) {
      (components || []).forEach(function (c) {
        if (c.key) {
          fields[c.key] = { id: c.id, label: c.label || c.key };
        }
        walk(c.components);
      });
    })(schema && schema.components);
  }

  function markField(key, message) {
    var field = fields[key];
    var input = field && field.id && document.querySelector('[id$="-' + field.id + '"]');
    var box = input && input.closest('.fjs-form-field');
    if (!box) {
      return;
    }
    box.classList.add('fjs-has-errors', 'certflow-server-error');
    var note = document.createElement('div');
    note.className = 'fjs-form-field-error certflow-server-error-text';
    note.textContent = message;
    box.appendChild(note);
    if (input.focus) {
      input.focus();
    }
  }

  function clearMarks() {
    document.querySelectorAll('.certflow-server-error-text').forEach(function (e) { e.remove(); });
    document.querySelectorAll('.certflow-server-error').forEach(function (e) {
      e.classList.remove('fjs-has-errors', 'certflow-server-error');
    });
  }

  function rewrite(message) {
    var prefix = null;
    PREFIXES.forEach(function (p) {
      if (prefix === null && p[0].test(message)) {
        prefix = p[1];
        message = message.replace(p[0], '');
      }
    });
    if (prefix === null) {
      return null;
    }
    clearMarks();
    var parts = message.split('; ').map(function (part) {
      var m = /^([A-Za-z_][\w.]*):\s*(.*)$/.exec(part);
      if (m && fields[m[1]]) {
        setTimeout(markField.bind(null, m[1], m[2]), 0);
        return '“' + fields[m[1]].label + '”：' + m[2];
      }
      return part;
    });
    return prefix + parts.join('；');
  }

  // Tasklist's header links to the staff pages (search, registers, dashboard), same login (issue 19.1)
  function staffLink() {
    var bar = document.querySelector('ul[ng-controller="camHeaderViewsCtrl"]');
    if (bar && !bar.querySelector('.certflow-staff-link')) {
      var item = document.createElement('li');
      item.className = 'certflow-staff-link';
      item.innerHTML = '<a href="/staff/" title="查找申请和证书、登记册、管理看板">'
        + '<span class="glyphicon glyphicon-folder-open"></span> <span>员工页面</span></a>';
      bar.appendChild(item);
    }
  }

  new MutationObserver(function () {
    staffLink();
    // the forms' links to the staff pages open in a new tab (same login), Tasklist stays
    document.querySelectorAll('.fjs-container a[href^="/staff/"]:not([target])').forEach(function (a) {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener');
    });
    document.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li, .fjs-form-field-error span')
      .forEach(function (e) {
        if (e.children.length === 0) {
          var text = e.textContent.trim();
          var chinese = translate(text);
          if (chinese !== text) {
            e.textContent = chinese;
          }
        }
      });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

  return angular.module('certflow.formMessages', []).config(['$httpProvider', function ($httpProvider) {
    $httpProvider.interceptors.push(['$q', function ($q) {
      return {
        response: function (response) {
          var url = (response.config && response.config.url) || '';
          if (/\/(deployed-form|startForm|deployed-start-form)(\?.*)?$/.test(url) && response.data
              && response.data.components) {
            readSchema(response.data);
          }
          return response;
        },
        responseError: function (rejection) {
          var data = rejection && rejection.data;
          if (data && typeof data.message === 'string') {
            var chinese = rewrite(data.message);
            if (chinese !== null) {
              data.message = chinese;
            }
          }
          return $q.reject(rejection);
        }
      };
    }]);
  }]);
});
