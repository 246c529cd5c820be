/* Stand-in for https://player.vimeo.com/api/player.js (Vimeo Player.js):
 * new Vimeo.Player(iframe); ready(), play(), pause(), setCurrentTime(s) and
 * getCurrentTime() return promises; on(event, callback) for timeupdate (about
 * every 250 ms while playing), play, pause, seeked, each with {seconds}. */
(function () {
  function Player(iframe) {
    this.clock = new window.StandinClock();
    this.clock.embed = iframe.src;
    this.handlers = {};
    var self = this;
    this.timer = setInterval(function () {
      if (self.clock.playing()) { self.fire("timeupdate"); }
    }, 250);
  }
  Player.prototype.fire = function (name) {
    var data = { seconds: this.clock.time(), duration: 600, percent: this.clock.time() / 600 };
    (this.handlers[name] || []).forEach(function (callback) {
      setTimeout(function () { callback(data); }, 0);
    });
  };
  Player.prototype.on = function (name, callback) {
    (this.handlers[name] = this.handlers[name] || []).push(callback);
  };
  Player.prototype.ready = function () {
    return new Promise(function (resolve) { setTimeout(resolve, 50); });
  };
  Player.prototype.play = function () { this.clock.play(); this.fire("play"); return Promise.resolve(); };
  Player.prototype.pause = function () { this.clock.pause(); this.fire("pause"); return Promise.resolve(); };
  Player.prototype.setCurrentTime = function (seconds) {
    this.clock.seek(seconds);
    this.fire("seeked");
    return Promise.resolve(seconds);
  };
  Player.prototype.getCurrentTime = function () { return Promise.resolve(this.clock.time()); };
  window.Vimeo = { Player: Player };
})();
