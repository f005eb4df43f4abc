// Evidence upload with a progress bar. Without this file the upload form posts as any form and
// the server redirects back to the question; with it, the same form is sent in the background
// and the server's fragment (the question's list of files, or the refusal) replaces the block.
(function () {
  'use strict';
  if (typeof XMLHttpRequest === 'undefined' || typeof FormData === 'undefined') return;

  function token() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute('content') || '' : '';
  }

  function statusArea(block) {
    return block.querySelector('.evidence-files__status');
  }

  function say(block, text, isError) {
    var area = statusArea(block);
    if (!area) return;
    area.textContent = '';
    var p = document.createElement('p');
    p.className = isError ? 'save-status save-status--error' : 'save-status';
    p.textContent = text;
    area.appendChild(p);
  }

  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (!form || !form.hasAttribute || !form.hasAttribute('data-evidence-upload')) return;
    var block = document.getElementById(form.getAttribute('data-target') || '');
    var input = block && block.querySelector('input[type="file"]');
    if (!block || !input) return;
    evt.preventDefault();
    var file = input.files && input.files[0];
    var max = Number(input.getAttribute('data-max-bytes') || '0');
    // Refuse a file over the limit before sending it; the server checks again anyway.
    if (file && max && file.size > max) {
      say(block, input.getAttribute('data-too-large') || '', true);
      return;
    }
    var data = new FormData(form);
    var button = block.querySelector('button[form="' + form.id + '"]');
    if (button) button.disabled = true;
    var area = statusArea(block);
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    var label = document.createElement('p');
    label.className = 'save-status';
    label.textContent = form.getAttribute('data-uploading') || '';
    if (area) {
      area.textContent = '';
      area.appendChild(label);
      area.appendChild(bar);
    }
    var xhr = new XMLHttpRequest();
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var pct = Math.round((100 * e.loaded) / e.total);
      bar.value = pct;
      label.textContent = (form.getAttribute('data-progress') || '{pct}').replace('{pct}', String(pct));
    });
    xhr.addEventListener('load', function () {
      var type = xhr.getResponseHeader('Content-Type') || '';
      // The server answers a fragment (list, or refusal with its reason); anything else — an
      // expired session, a server error — falls back to the plain post and its full page.
      if (xhr.getResponseHeader('X-CAP-Fragment') === 'evidence' && type.indexOf('text/html') === 0) {
        var holder = document.createElement('div');
        holder.innerHTML = xhr.responseText;
        var fresh = holder.firstElementChild;
        if (fresh) {
          block.replaceWith(fresh);
          if (window.htmx) window.htmx.process(fresh);
          var next = fresh.querySelector('input[type="file"]');
          if (next && fresh.querySelector('.save-status--error')) next.focus();
        }
        return;
      }
      form.submit();
    });
    xhr.addEventListener('error', function () {
      if (button) button.disabled = false;
      say(block, form.getAttribute('data-failed') || '', true);
    });
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-CSRF-Token', token());
    xhr.setRequestHeader('HX-Request', 'true');
    xhr.send(data);
  });
})();
