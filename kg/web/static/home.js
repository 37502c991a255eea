// The query editor: YASGUI (vendored) with each competency question as a tab, talking only to
// this server's /query. Nothing is fetched from elsewhere: no prefix.cc, no LOV autocompletion,
// no endpoint catalogue, no stored tabs from an earlier visit.
(function () {
  "use strict";
  var questions = JSON.parse(document.getElementById("question-data").textContent);
  var endpoint = new URL("/query", window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: false,
    autoAddOnInit: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { prefixCcApi: null, autocompleters: ["variables"], resizeable: true,
             editorHeight: "320px" },
    yasr: { prefixes: {} }
  });
  var tabs = questions.map(function (question, index) {
    return yasgui.addTab(index === 0, {
      name: question.name.replace(/^(cq-\d+).*/, "$1"),
      yasqe: { value: question.query },
      requestConfig: { endpoint: endpoint, method: "POST" }
    });
  });
  document.querySelectorAll("#questions button.run").forEach(function (button) {
    button.addEventListener("click", function () {
      var tab = tabs[Number(button.dataset.index)];
      yasgui.selectTabId(tab.getId());
      document.getElementById("yasgui").scrollIntoView({ behavior: "instant", block: "start" });
      tab.query();
    });
  });
  window.partnerschaftsgraph = { yasgui: yasgui, tabs: tabs };
})();
