/* Stand-in for https://www.youtube.com/iframe_api (YouTube IFrame Player API):
 * YT.Player(iframe, {events: {onReady, onStateChange}}) with seekTo,
 * playVideo, pauseVideo, getCurrentTime, getPlayerState; YT.PlayerState;
 * window.onYouTubeIframeAPIReady called once the API is usable.  No time
 * event, as in the real API.  The iframe must carry enablejsapi=1. */
(function () {
  var State = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 };
  function Player(element, options) {
    var iframe = typeof element === "string" ? document.getElementById(element) : element;
    if (!/enablejsapi=1/.test(iframe.src)) { throw new Error("embed without enablejsapi=1"); }
    this.clock = new window.StandinClock();
    this.clock.embed = iframe.src;
    this.events = (options && options.events) || {};
    var self = this;
    setTimeout(function () {
      if (self.events.onReady) { self.events.onReady({ target: self }); }
    }, 50);
  }
  Player.prototype.state = function (data) {
    var self = this;
    setTimeout(function () {
      if (self.events.onStateChange) { self.events.onStateChange({ target: self, data: data }); }
    }, 10);
  };
  Player.prototype.playVideo = function () { this.clock.play(); this.state(State.PLAYING); };
  Player.prototype.pauseVideo = function () { this.clock.pause(); this.state(State.PAUSED); };
  Player.prototype.seekTo = function (seconds, allowSeekAhead) { this.clock.seek(seconds); };
  Player.prototype.getCurrentTime = function () { return this.clock.time(); };
  Player.prototype.getPlayerState = function () {
    return this.clock.playing() ? State.PLAYING : State.PAUSED;
  };
  window.YT = { Player: Player, PlayerState: State };
  setTimeout(function () {
    if (typeof window.onYouTubeIframeAPIReady === "function") { window.onYouTubeIframeAPIReady(); }
  }, 0);
})();
