// Talks to the member's authenticator for the passkey pages; nothing else runs in the browser.
(function () {
  'use strict';
  const webAuthn = new WebAuthn({
    registerOptionsChallengePath: '/enroll/passkey/options',
    loginOptionsChallengePath: '/sign-in/options'
  });

  function fail(message) {
    const box = document.getElementById('passkey-error');
    box.textContent = message;
    box.hidden = false;
    box.focus();
  }

  async function send(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify(body),
      credentials: 'same-origin'
    });
    if (response.ok) {
      window.location.assign((await response.json()).next);
      return;
    }
    let detail = 'Something went wrong. Please try again.';
    try {
      const problem = await response.json();
      if (problem.detail) {
        detail = problem.detail;
      }
    } catch (ignored) {
      // not problem+json: keep the generic message
    }
    fail(detail);
  }

  function wire(id, ceremony) {
    const button = document.getElementById(id);
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      button.disabled = true;
      ceremony(button)
        .catch(function (e) { fail('Your device did not complete the passkey step (' + (e.message || e) + ').'); })
        .finally(function () { button.disabled = false; });
    });
  }

  wire('create-passkey', function () {
    // the server decides whose passkey this is; these two values only label it on the device
    return webAuthn.registerClientSteps({username: 'heteronym', displayName: 'Heteronym member'})
      .then(function (body) { return send('/enroll/passkey', body); });
  });

  wire('sign-in', function (button) {
    return webAuthn.loginClientSteps({})
      .then(function (body) {
        return send('/sign-in?' + new URLSearchParams({next: button.dataset.next}).toString(), body);
      });
  });
})();
