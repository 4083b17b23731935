// restauth's demo page: plain JavaScript against restauth's API, as a single-page app would call it.
//
// Authentication: the browser's session. Login (with session_login on, the default) sets restauth's `sessionid`
// cookie, which JavaScript cannot read (HttpOnly), and the `csrftoken` cookie, which it can: every unsafe request
// (POST, PUT, PATCH, DELETE) carries its value in the X-CSRFToken header, as Django's CSRF protection asks. A server
// with session_login off answers login with a token only; the page then keeps it in memory (gone on reload) and
// sends `Authorization: Token <key>`.
'use strict';

(function () {
  const state = { config: null, token: null, pending: null };
  const SECRET_FIELDS = /password|token|key|code|verifier|secret/i;
  const PROVIDER_NAMES = { facebook: 'Facebook', github: 'GitHub', google: 'Google' };
  const RESET_PATH = /^\/password-reset\/confirm\/([^/]+)\/([^/]+)\/?$/;
  const CONFIRM_LINK = /\/account-confirm-email\/([^/?#]+)\/?$/;

  const $ = (id) => document.getElementById(id);

  function cookie(name) {
    for (const part of document.cookie.split(';')) {
      const [key, ...value] = part.trim().split('=');
      if (key === name) {
        return decodeURIComponent(value.join('='));
      }
    }
    return null;
  }

  // One call to restauth's API: JSON in, JSON out, recorded in the wire log.
  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    const notes = [];
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (state.token) {
      headers['Authorization'] = 'Token ' + state.token;
      notes.push('Authorization: Token ********');
    }
    const csrf = cookie('csrftoken');
    if (csrf && method !== 'GET') {
      headers['X-CSRFToken'] = csrf;
      notes.push('X-CSRFToken from the csrftoken cookie');
    }
    const url = state.config.api + path;
    let response;
    try {
      response = await fetch(url, {
        method: method,
        headers: headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (e) {
      logWire(method, url, body, notes, 'no answer', String(e));
      return { status: 0, ok: false, data: { detail: 'restauth did not answer: ' + e.message } };
    }
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = { detail: text };
    }
    logWire(method, url, body, notes, response.status, data);
    return { status: response.status, ok: response.ok, data: data };
  }

  function masked(value) {
    if (Array.isArray(value)) {
      return value.map(masked);
    }
    if (value && typeof value === 'object') {
      const copy = {};
      for (const [name, inner] of Object.entries(value)) {
        copy[name] = SECRET_FIELDS.test(name) && typeof inner === 'string' ? '********' : masked(inner);
      }
      return copy;
    }
    return value;
  }

  function logWire(method, url, body, notes, status, data) {
    const entry = document.createElement('li');
    const request = document.createElement('code');
    request.textContent = method + ' ' + url + (body === undefined ? '' : ' ' + JSON.stringify(masked(body)));
    entry.appendChild(request);
    if (notes.length) {
      entry.appendChild(document.createTextNode(' (' + notes.join(', ') + ')'));
    }
    const answer = document.createElement('code');
    answer.className = 'answer';
    answer.textContent = '→ ' + status + (data === null ? '' : ' ' + JSON.stringify(masked(data)));
    entry.appendChild(answer);
    $('wire-log').prepend(entry);
  }

  // The message of an answer: its detail, or each field's errors on a line of their own.
  function describe(result) {
    const data = result.data;
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      if (typeof data.detail === 'string') {
        return data.detail;
      }
      const lines = Object.entries(data).map(([field, messages]) =>
        (field === 'non_field_errors' ? '' : field + ': ') + [].concat(messages).join(' '));
      if (lines.length) {
        return lines.join('\n');
      }
    }
    return 'HTTP ' + result.status;
  }

  function show(id, text, ok) {
    const element = $(id);
    element.textContent = text;
    element.className = 'result ' + (ok ? 'ok' : 'error');
  }

  function showView(view) {
    $('signed-out').hidden = view !== 'signed-out';
    $('signed-in').hidden = view !== 'signed-in';
  }

  function signedOut(message) {
    state.token = null;
    state.pending = null;
    $('reauth-form').hidden = true;
    $('status').textContent = message || 'Not logged in.';
    showView('signed-out');
  }

  // Asks restauth who the user is: the page's only source of truth about being logged in.
  async function loadUser() {
    const result = await api('GET', '/user/');
    if (!result.ok) {
      signedOut();
      return false;
    }
    const user = result.data;
    $('user-pk').value = user.pk;
    $('user-username').value = user.username;
    $('user-email').value = user.email;
    $('user-first-name').value = user.first_name;
    $('user-last-name').value = user.last_name;
    $('status').textContent = 'Logged in as ' + user.username + ' (' + (state.token ? 'token' : 'session cookie') + ').';
    $('change-old-label').hidden = !state.config.old_password_field_enabled;
    showView('signed-in');
    await loadAccount();
    return true;
  }

  // The self-service panels of the signed-in part: addresses, sessions and the security log.
  async function loadAccount() {
    await loadEmails();
    await loadSessions();
    await loadSecurityLog();
  }

  function listItem(text, className) {
    const entry = document.createElement('li');
    entry.textContent = text;
    if (className) {
      entry.className = className;
    }
    return entry;
  }

  function fillList(id, items) {
    $(id).replaceChildren(...(items.length ? items : [listItem('None.')]));
  }

  function showEmails(addresses) {
    fillList('emails-list', addresses.map((address) => listItem(address.email
      + (address.verified ? ' (verified' : ' (unverified') + (address.primary ? ', primary)' : ')'))));
  }

  async function loadEmails() {
    const result = await api('GET', '/emails/');
    if (result.ok) {
      showEmails(result.data);
    }
  }

  function sessionEntry(session) {
    const text = session.kind + ' #' + session.id + ', since ' + session.created_at + ', last seen '
      + session.last_seen_at + ' from ' + session.ip + ' (' + session.user_agent + ')';
    return session.is_current ? listItem(text + ' — the current one', 'current') : listItem(text);
  }

  async function loadSessions() {
    const result = await api('GET', '/sessions/');
    if (result.ok) {
      fillList('sessions-list', result.data.map(sessionEntry));
    }
  }

  function securityEntry(event) {
    return listItem(event.created_at + ' ' + event.event + ': ' + event.outcome
      + (event.detail ? ' (' + event.detail + ')' : '') + ' from ' + event.ip);
  }

  async function loadSecurityLog() {
    const result = await api('GET', '/security-log/');
    if (result.ok) {
      fillList('security-log-list', result.data.results.map(securityEntry));
    }
  }

  function needsReauthentication(result) {
    return result.status === 401 && result.data && result.data.code === 'reauthentication_required';
  }

  // Adds the typed address; when restauth asks for a recent re-authentication, asks for the password first and
  // tries again once it is given.
  async function addEmail() {
    const result = await api('POST', '/emails/', { email: value('emails-new').trim() });
    if (result.ok) {
      show('emails-result', 'Added: its confirmation mail is on its way.', true);
      $('emails-new').value = '';
      showEmails(result.data);
      await loadSecurityLog();
    } else if (needsReauthentication(result)) {
      state.pending = addEmail;
      $('reauth-form').hidden = false;
      show('emails-result', describe(result) + ' Enter your password to go on.', false);
    } else {
      show('emails-result', describe(result), false);
    }
  }

  async function reauthenticate() {
    const result = await api('POST', '/reauthenticate/', { password: value('reauth-password') });
    $('reauth-password').value = '';
    if (!result.ok) {
      show('emails-result', describe(result), false);
      return;
    }
    $('reauth-form').hidden = true;
    const pending = state.pending;
    state.pending = null;
    if (pending) {
      await pending();
    } else {
      show('emails-result', describe(result), true);
    }
  }

  function wireAccount() {
    onSubmit('emails-form', addEmail);
    onSubmit('reauth-form', reauthenticate);
    $('sessions-refresh').addEventListener('click', loadSessions);
    $('security-log-refresh').addEventListener('click', loadSecurityLog);
  }

  // After a login or sign-up: a session when restauth opened one, else the token it answered.
  async function loggedIn(result) {
    state.token = result.data && result.data.key && !cookie('csrftoken') ? result.data.key : null;
    await loadUser();
  }

  function value(id) {
    return $(id).value;
  }

  function onSubmit(formId, handler) {
    $(formId).addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = event.target.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        await handler();
      } finally {
        button.disabled = false;
      }
    });
  }

  function wireForms() {
    onSubmit('register-form', async () => {
      const body = {
        username: value('register-username'),
        email: value('register-email'),
        password1: value('register-password1'),
        password2: value('register-password2'),
      };
      const result = await api('POST', '/registration/', body);
      if (!result.ok) {
        show('register-result', describe(result), false);
      } else if (result.status === 204 || (result.data && result.data.key)) {
        show('register-result', 'Registered and logged in.', true);
        await loggedIn(result);
      } else {
        show('register-result', describe(result), true);
        $('resend-email').value = body.email;
      }
    });

    onSubmit('confirm-form', async () => {
      const typed = value('confirm-key').trim();
      const link = CONFIRM_LINK.exec(typed);
      const key = link ? decodeURIComponent(link[1]) : typed;
      const result = await api('POST', '/registration/verify-email/', { key: key });
      show('confirm-result', result.ok ? 'Address confirmed: you can log in now.' : describe(result), result.ok);
    });

    onSubmit('resend-form', async () => {
      const result = await api('POST', '/registration/resend-email/', { email: value('resend-email') });
      show('resend-result', result.ok ? 'If that address waits for a confirmation, a new mail is on its way.'
        : describe(result), result.ok);
    });

    onSubmit('login-form', async () => {
      const login = value('login-login').trim();
      const method = state.config.authentication_method;
      const byEmail = method === 'email' || (method === 'username_email' && login.includes('@'));
      const body = byEmail ? { email: login, password: value('login-password') }
        : { username: login, password: value('login-password') };
      const result = await api('POST', '/login/', body);
      if (!result.ok) {
        show('login-result', describe(result), false);
        return;
      }
      show('login-result', '', true);
      $('login-password').value = '';
      await loggedIn(result);
    });

    onSubmit('reset-form', async () => {
      const result = await api('POST', '/password/reset/', { email: value('reset-email') });
      show('reset-result', describe(result), result.ok);
    });

    onSubmit('user-form', async () => {
      const result = await api('PATCH', '/user/', {
        username: value('user-username'),
        first_name: value('user-first-name'),
        last_name: value('user-last-name'),
      });
      if (result.ok) {
        show('user-result', 'Saved.', true);
        await loadUser();
      } else {
        show('user-result', describe(result), false);
      }
    });

    onSubmit('change-form', async () => {
      const body = { new_password1: value('change-new1'), new_password2: value('change-new2') };
      if (state.config.old_password_field_enabled) {
        body.old_password = value('change-old');
      }
      const result = await api('POST', '/password/change/', body);
      show('change-result', describe(result), result.ok);
      if (result.ok) {
        ['change-old', 'change-new1', 'change-new2'].forEach((id) => { $(id).value = ''; });
        await loadUser(); // with logout_on_password_change, that was the end of the session
      }
    });

    $('logout-button').addEventListener('click', async () => {
      const result = await api('POST', '/logout/');
      signedOut();
      show('login-result', describe(result), result.ok);
    });
  }

  // The landing page of the reset mail's link: /password-reset/confirm/<uid>/<token>/.
  function wireResetConfirm(uid, token) {
    $('reset-confirm').hidden = false;
    onSubmit('reset-confirm-form', async () => {
      const result = await api('POST', '/password/reset/confirm/', {
        uid: uid,
        token: token,
        new_password1: value('reset-new1'),
        new_password2: value('reset-new2'),
      });
      show('reset-confirm-result', describe(result), result.ok);
      if (result.ok) {
        history.replaceState(null, '', '/'); // the token is spent: keep it out of the history
        signedOut('Not logged in. Log in with your new password.');
      }
    });
  }

  function wireMailHint() {
    const config = state.config;
    let text;
    if (config.email_verification === 'none') {
      text = 'This server asks for no confirmation (email_verification=none): you can log in right after registering.';
    } else if (config.email_backend === 'console') {
      text = 'restauth sends no real mail here (email_backend=console): it prints each mail on its console, the '
        + 'terminal where "make run" runs. Copy the confirmation link from that mail and paste it below.';
    } else {
      text = 'restauth sent the mail through its SMTP server (email_backend=smtp). Paste the link from the mail, or '
        + 'its key, below.';
    }
    $('mail-where').textContent = text;
  }

  // Development servers only: GET /demo/mail lists the links of the mails restauth printed lately.
  async function wireMailbox() {
    let response;
    try {
      response = await fetch('/demo/mail', { headers: { 'Accept': 'application/json' } });
    } catch (e) {
      return;
    }
    if (!response.ok) {
      return;
    }
    $('mailbox').hidden = false;
    $('mailbox-show').addEventListener('click', async () => {
      const answer = await fetch('/demo/mail', { headers: { 'Accept': 'application/json' } });
      const list = $('mailbox-list');
      list.replaceChildren();
      const mails = answer.ok ? (await answer.json()).mails : [];
      if (!mails.length) {
        const none = document.createElement('li');
        none.textContent = 'No mail yet.';
        list.appendChild(none);
      }
      for (const mail of mails) {
        list.appendChild(mailEntry(mail));
      }
    });
  }

  function mailEntry(mail) {
    const entry = document.createElement('li');
    entry.appendChild(document.createTextNode(mail.subject + ' — to ' + mail.to + ' '));
    for (const link of mail.links) {
      if (CONFIRM_LINK.test(link)) {
        const use = document.createElement('button');
        use.type = 'button';
        use.textContent = 'Use its confirmation link';
        use.addEventListener('click', () => { $('confirm-key').value = link; });
        entry.appendChild(use);
      } else if (link.startsWith(location.origin + '/password-reset/confirm/')) {
        const open = document.createElement('a');
        open.href = link;
        open.textContent = 'Open its reset link';
        entry.appendChild(open);
      }
    }
    return entry;
  }

  function providerName(provider) {
    return PROVIDER_NAMES[provider.type] && provider.id === provider.type ? PROVIDER_NAMES[provider.type]
      : provider.id.charAt(0).toUpperCase() + provider.id.slice(1);
  }

  // One button per configured provider. restauth never starts a provider's sign-in itself: the client does, and
  // sends what the provider gave it. The panel says what that is and lets you paste it.
  function wireSocial() {
    const providers = state.config.social_providers;
    if (!providers.length) {
      return;
    }
    $('social').hidden = false;
    let current = null;
    for (const provider of providers) {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = 'social-' + provider.id;
      button.textContent = 'Continue with ' + providerName(provider);
      button.addEventListener('click', () => {
        current = provider;
        openSocialPanel(provider);
      });
      $('social-buttons').appendChild(button);
    }
    $('social-kind').addEventListener('change', socialKindChanged);
    onSubmit('social-form', async () => {
      const body = {};
      body[value('social-kind')] = value('social-value').trim();
      if (value('social-kind') === 'code') {
        if (value('social-redirect').trim()) {
          body.redirect_uri = value('social-redirect').trim();
        }
        if (value('social-verifier').trim()) {
          body.code_verifier = value('social-verifier').trim();
        }
      }
      const result = await api('POST', '/' + current.id + '/', body);
      if (!result.ok) {
        show('social-result', describe(result), false);
        return;
      }
      show('social-result', '', true);
      $('social-value').value = '';
      await loggedIn(result);
    });
  }

  function openSocialPanel(provider) {
    const path = state.config.api + '/' + provider.id + '/';
    const openId = provider.type === 'google' || provider.type === 'oidc';
    const kinds = openId ? ['id_token', 'code'] : ['access_token', 'code'];
    $('social-explanation').textContent = openId
      ? 'Your app signs the user in with ' + providerName(provider) + ' (OpenID Connect) and sends restauth what it '
        + 'got: POST ' + path + ' with {"id_token": "…"}, whose signature, issuer, audience and expiry restauth '
        + 'checks, or with {"code": "…", "code_verifier": "…", "redirect_uri": "…"} from the code flow, which '
        + 'restauth redeems itself. Paste one here to try it.'
      : 'Your app signs the user in with ' + providerName(provider) + ' and sends restauth what it got: POST ' + path
        + ' with {"access_token": "…"}, which restauth checks was issued to this app, or with {"code": "…"} from '
        + 'the code flow, which restauth redeems itself. Paste one here to try it.';
    const select = $('social-kind');
    select.replaceChildren();
    for (const kind of kinds) {
      const option = document.createElement('option');
      option.value = kind;
      option.textContent = kind;
      select.appendChild(option);
    }
    show('social-result', '', true);
    socialKindChanged();
    $('social-panel').hidden = false;
  }

  function socialKindChanged() {
    const code = value('social-kind') === 'code';
    $('social-redirect-label').hidden = !code;
    $('social-verifier-label').hidden = !code;
  }

  async function start() {
    let answer;
    try {
      answer = await fetch('/demo/config', { headers: { 'Accept': 'application/json' } });
    } catch (e) {
      answer = null;
    }
    if (!answer || !answer.ok) {
      $('page-error').textContent = 'The demo page could not read its settings from /demo/config.';
      $('page-error').hidden = false;
      $('status').textContent = '';
      return;
    }
    state.config = await answer.json();
    for (const element of document.querySelectorAll('.api')) {
      element.textContent = state.config.api;
    }
    if (state.config.authentication_method === 'username') {
      $('login-label').textContent = 'Username';
    } else if (state.config.authentication_method === 'email') {
      $('login-label').textContent = 'E-mail address';
    }
    wireForms();
    wireAccount();
    wireMailHint();
    wireSocial();
    await wireMailbox();
    const reset = RESET_PATH.exec(location.pathname);
    if (reset) {
      wireResetConfirm(decodeURIComponent(reset[1]), decodeURIComponent(reset[2]));
      $('status').textContent = 'Resetting a password.';
      return;
    }
    // Only a page that was logged in has a csrftoken cookie: without one there is no session to ask about.
    if (cookie('csrftoken')) {
      await loadUser();
    } else {
      signedOut();
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
