// The outbox page's clock button: a platform operator signs in against the local identity
// service (the same Cognito call the portals make) and moves the whole local stack's clock
// forward through POST /_local/clock. Nothing is stored: the token lives in this function only.
(function () {
  const form = document.getElementById('clock-form');
  if (!form) return;
  const result = document.getElementById('clock-result');
  const now = document.getElementById('clock-now');

  async function show() {
    const state = await (await fetch('/_local/clock', { cache: 'no-store' })).json();
    now.textContent = `${state.now} (moved ${state.aheadBy} ahead of real time)`;
  }

  async function signIn(email, password) {
    const answer = await fetch(form.dataset.identity, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: form.dataset.client,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    });
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok || !body.AuthenticationResult) throw new Error(body.message ?? 'The sign-in was refused.');
    return body.AuthenticationResult.IdToken;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    result.textContent = 'Moving the clock…';
    try {
      const token = await signIn(String(data.get('email')), String(data.get('password')));
      const answer = await fetch('/_local/clock', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceBy: data.get('advanceBy') }),
      });
      const body = await answer.json();
      if (!answer.ok) throw new Error(body.detail ?? body.title);
      result.textContent = `The local clock is now ${body.now}. Timers that fell due have run.`;
      result.dataset.state = 'moved';
      await show();
    } catch (error) {
      result.textContent = `Not moved: ${error.message}`;
      result.dataset.state = 'refused';
    }
  });
  show();
}());
