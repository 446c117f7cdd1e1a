// Issue 19.2: the staff documents page's upload: several files at once, dropped or chosen, each with its own type.
// The chosen files are kept here and put back into the form's file input in the order of the rows, so that the
// form posts file i with the type of row i.
(function () {
  'use strict';
  var form = document.getElementById('upload');
  if (!form) {
    return;
  }
  var input = document.getElementById('files');
  var zone = document.getElementById('dropzone');
  var table = document.getElementById('chosen');
  var rows = table.querySelector('tbody');
  var choice = document.getElementById('type-choice');
  var error = document.getElementById('upload-error');
  var maxBytes = parseInt(form.getAttribute('data-max-bytes'), 10) || 0;
  var files = [];
  var types = [];

  function size(bytes) {
    return bytes < 1024 ? bytes + ' 字节' : Math.round(bytes / 1024) + ' KB';
  }

  function show() {
    var transfer = new DataTransfer();
    files.forEach(function (f) { transfer.items.add(f); });
    input.files = transfer.files;
    rows.innerHTML = '';
    files.forEach(function (file, i) {
      var row = document.createElement('tr');
      var name = document.createElement('td');
      name.textContent = file.name;
      var bytes = document.createElement('td');
      bytes.textContent = size(file.size);
      var type = document.createElement('td');
      var select = choice.content.firstElementChild.cloneNode(true);
      select.setAttribute('aria-label', '第 ' + (i + 1) + ' 个文件（' + file.name + '）的类型');
      select.value = types[i] || '';
      select.addEventListener('change', function () { types[i] = select.value; });
      type.appendChild(select);
      var remove = document.createElement('td');
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = '移除';
      button.addEventListener('click', function () {
        files.splice(i, 1);
        types.splice(i, 1);
        show();
      });
      remove.appendChild(button);
      [name, bytes, type, remove].forEach(function (cell) { row.appendChild(cell); });
      if (maxBytes && file.size > maxBytes) {
        row.className = 'invalid';
        name.textContent = file.name + '（超过大小上限）';
      }
      rows.appendChild(row);
    });
    table.hidden = files.length === 0;
  }

  function add(list) {
    Array.prototype.forEach.call(list, function (f) {
      files.push(f);
      types.push('');
    });
    error.hidden = true;
    show();
  }

  input.addEventListener('change', function () {
    // choosing again adds to the files already chosen
    var chosen = Array.prototype.slice.call(input.files || []);
    var known = files.filter(function (f) { return chosen.indexOf(f) >= 0; }).length === chosen.length;
    if (!known) {
      add(chosen);
    }
  });
  ['dragenter', 'dragover'].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) { add(e.dataTransfer.files); });
  form.addEventListener('submit', function (e) {
    var problem = null;
    if (files.length === 0) {
      problem = '请选择至少一个文件（可拖放到上传区域）。';
    } else if (files.some(function (f) { return maxBytes && f.size > maxBytes; })) {
      problem = '有文件超过大小上限，请移除后再上传。';
    } else if (types.some(function (t) { return !t; })) {
      problem = '每个文件都要选择文件类型。';
    }
    if (problem) {
      e.preventDefault();
      error.textContent = problem;
      error.hidden = false;
    }
  });
}());
