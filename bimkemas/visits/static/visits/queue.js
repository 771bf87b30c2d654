/* Home visits: the phone's queue of recorded visits (core/static/js/offline_queue.js). */
self.VisitQueue = self.makeOfflineQueue({
  dbName: "bimkemas-visits",
  store: "visits",
  ownerField: "user",
  outcomeOf: function (answer) {
    if (answer.redirected || answer.status === 401 || answer.status === 403) return "signin";
    return "later";
  },
});
