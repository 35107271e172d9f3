(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var S = data.strings, SEV = data.severities;
  var list = document.getElementById("findings");
  var controls = {
    code: document.getElementById("code"), platform: document.getElementById("platform"),
    file: document.getElementById("file"), search: document.getElementById("search")
  };
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=severity]"));
  var count = document.getElementById("count");
  var rows = [], groups = [], byPath = {};

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  data.findings.forEach(function (f) {
    // [severity, code, path, line, column, message, platforms, excerpt, sources]
    var path = S[f[2]], group = byPath[path];
    if (!group) {
      var details = el("details", "file");
      details.open = data.open;
      var summary = el("summary");
      var name = el("span", "path", path), tally = el("span", "meta");
      summary.appendChild(name); summary.appendChild(document.createTextNode(" ")); summary.appendChild(tally);
      details.appendChild(summary);
      list.appendChild(details);
      group = byPath[path] = {node: details, tally: tally, rows: []};
      groups.push(group);
    }
    var severity = SEV[f[0]], platforms = f[6] < 0 ? [] : S[f[6]].split(" ");
    var row = el("div", "f " + severity);
    row.appendChild(el("span", "sev", severity));
    row.appendChild(el("span", "where", f[3] ? f[3] + (f[4] ? ":" + f[4] : "") : "-"));
    var head = el("span", "msg");
    head.appendChild(el("b", null, S[f[1]] + " "));
    if (platforms.length) head.appendChild(el("span", "plat", "[" + platforms.join(", ") + "] "));
    head.appendChild(document.createTextNode(S[f[5]]));
    row.appendChild(head);
    if (f[7] >= 0) row.appendChild(el("pre", null, S[f[7]]));
    if (f[8] >= 0) {
      var sources = el("div", "src meta", "Sources: ");
      S[f[8]].split("\n").forEach(function (source, i) {
        if (i) sources.appendChild(document.createTextNode("; "));
        if (/^https?:\/\//.test(source)) {
          var link = el("a", null, source);
          link.href = source; link.rel = "noreferrer noopener";
          sources.appendChild(link);
        } else {
          sources.appendChild(document.createTextNode(source));
        }
      });
      row.appendChild(sources);
    }
    group.node.appendChild(row);
    var item = {node: row, severity: severity, code: S[f[1]], path: path, platforms: platforms,
                hay: (S[f[1]] + " " + path + " " + S[f[5]] + " " + platforms.join(" ")).toLowerCase()};
    rows.push(item);
    group.rows.push(item);
  });

  function apply() {
    var on = {};
    boxes.forEach(function (box) { on[box.value] = box.checked; });
    var code = controls.code.value, platform = controls.platform.value, file = controls.file.value;
    var words = controls.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    groups.forEach(function (group) {
      var tally = {error: 0, warning: 0, info: 0}, visible = 0;
      group.rows.forEach(function (item) {
        var match = on[item.severity] && (!code || item.code === code) && (!file || item.path === file) &&
          (!platform || item.platforms.indexOf(platform) >= 0) &&
          words.every(function (word) { return item.hay.indexOf(word) >= 0; });
        item.node.hidden = !match;
        if (match) { visible += 1; tally[item.severity] += 1; }
      });
      group.node.hidden = visible === 0;
      group.tally.textContent = "(" + [tally.error + " error(s)", tally.warning + " warning(s)", tally.info + " info"].join(", ") + ")";
      shown += visible;
    });
    count.textContent = shown + " / " + rows.length;
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  ["code", "platform", "file"].forEach(function (key) { controls[key].addEventListener("change", apply); });
  controls.search.addEventListener("input", apply);
  document.getElementById("expand").addEventListener("click", function () { groups.forEach(function (g) { g.node.open = true; }); });
  document.getElementById("collapse").addEventListener("click", function () { groups.forEach(function (g) { g.node.open = false; }); });
  document.getElementById("controls").hidden = false;
  apply();
})();
