// The host page's side of Loopscope's embed API (docs/embedding.md).
// Only the Loopscope site's origin is trusted, and only it is told anything.
(() => {
  const site = new URL(
    new URLSearchParams(location.search).get('site') ?? 'https://loopscope.example/',
  );
  const frames = [...document.querySelectorAll('iframe[data-embed]')];

  // Each embed is told this page's origin: the only one it will talk to.
  for (const frame of frames) {
    const address = new URL(frame.dataset.embed, site);
    address.searchParams.set('host', location.origin);
    frame.src = address.href;
  }

  const log = document.getElementById('log');
  const note = (text) => {
    const item = document.createElement('li');
    item.textContent = text;
    log.append(item);
  };

  window.addEventListener('message', (event) => {
    if (event.origin !== site.origin) return;
    const frame = frames.find((candidate) => candidate.contentWindow === event.source);
    const data = event.data;
    if (!frame || typeof data !== 'object' || data === null || data.loopscope !== 1) return;
    switch (data.type) {
      case 'resize':
        frame.style.height = `${Math.min(Math.max(data.height, 200), 2000)}px`;
        return;
      case 'ready':
        note(`${frame.id}: ready`);
        return;
      case 'runEnded':
        note(
          `${frame.id}: run ended (${data.summary ? data.summary.outcome : 'stopped'}): ` +
            data.output.map((line) => line.text).join(' | '),
        );
        return;
      case 'checkResult':
        // A course platform would record completion here.
        note(
          `${frame.id}: ${data.lesson}/${data.exercise} ${data.passed ? 'passed' : 'not yet'}` +
            (data.message ? `: ${data.message}` : ''),
        );
        return;
    }
  });

  const exercise = document.getElementById('exercise');
  const send = (message) => {
    exercise.contentWindow.postMessage({ loopscope: 1, ...message }, site.origin);
  };
  document.getElementById('send').addEventListener('click', () => {
    send({ type: 'setCode', code: document.getElementById('code').value });
  });
  document.getElementById('run').addEventListener('click', () => {
    send({ type: 'run' });
  });
})();
