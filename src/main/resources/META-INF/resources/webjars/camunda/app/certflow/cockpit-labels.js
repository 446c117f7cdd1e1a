// CertFlow (issue 19.6): the decision table viewer's own words (dmn-js: "Hit policy:", When / And / Then, the hit
// policies) are not in Cockpit's translation table; they are replaced in the page as the table is drawn.
// Loaded through requireJsConfig in cockpit/scripts/config.js.
define('certflow-cockpit-labels', ['angular'], function (angular) {
  'use strict';

  var WORDS = {
    'Hit policy:': '命中策略：',
    'Hit Policy:': '命中策略：',
    'When': '当',
    'And': '且',
    'Then': '则',
    'Annotation': '注释',
    'Annotations': '注释',
    'Unique': '唯一（Unique）',
    'First': '首条（First）',
    'Priority': '优先级（Priority）',
    'Any': '任一（Any）',
    'Collect': '汇集（Collect）',
    'Rule order': '按规则顺序（Rule order）',
    'Output order': '按输出顺序（Output order）'
  };

  function translate(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.data.trim();
      if (Object.prototype.hasOwnProperty.call(WORDS, text)) {
        node.data = WORDS[text];
      }
    }
  }

  new MutationObserver(function () {
    document.querySelectorAll('.dmn-decision-table-container .hit-policy, .dmn-decision-table-container thead')
      .forEach(translate);
  }).observe(document.documentElement, { childList: true, subtree: true });

  return angular.module('certflow.cockpitLabels', []);
});
