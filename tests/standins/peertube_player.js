/* Stand-in for @peertube/embed-api's player.min.js (PeerTube embed API):
 * new PeerTubePlayer(iframe); the ready promise; play(), pause(), seek(s);
 * addEventListener("playbackStatusUpdate", cb) with {position, volume,
 * duration, playbackState} about every 250 ms, and "playbackStatusChange"
 * with "playing" or "paused".  The iframe must carry api=1. */
(function () {
  function PeerTubePlayer(iframe) {
    if (!/[?&]api=1/.test(iframe.src)) { throw new Error("embed without api=1"); }
    this.clock = new window.StandinClock();
    this.clock.embed = iframe.src;
    this.handlers = {};
    this.ready = new Promise(function (resolve) { setTimeout(resolve, 50); });
    var self = this;
    this.timer = setInterval(function () {
      self.fire("playbackStatusUpdate", {
        position: self.clock.time(), volume: 1, duration: 600,
        playbackState: self.clock.playing() ? "playing" : "paused"
      });
    }, 250);
  }
  PeerTubePlayer.prototype.fire = function (name, data) {
    (this.handlers[name] || []).forEach(function (callback) { callback(data); });
  };
  PeerTubePlayer.prototype.addEventListener = function (name, callback) {
    (this.handlers[name] = this.handlers[name] || []).push(callback);
  };
  PeerTubePlayer.prototype.play = function () {
    this.clock.play(); this.fire("playbackStatusChange", "playing"); return Promise.resolve();
  };
  PeerTubePlayer.prototype.pause = function () {
    this.clock.pause(); this.fire("playbackStatusChange", "paused"); return Promise.resolve();
  };
  PeerTubePlayer.prototype.seek = function (seconds) {
    this.clock.seek(seconds); return Promise.resolve();
  };
  window.PeerTubePlayer = PeerTubePlayer;
})();
