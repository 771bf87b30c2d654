/* Lapor Bapas: the phone's queue of reports (core/static/js/offline_queue.js). */
self.LaporQueue = self.makeOfflineQueue({
  dbName: "lapor-bapas",
  store: "reports",
  ownerField: "owner",
  outcomeOf: function (answer) {
    if (answer.status === 401) return "signin";
    if (answer.status === 409) return "other";
    return "later";
  },
});
