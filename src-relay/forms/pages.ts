import { honeypotField } from '../../src-shared/domain/web-form';

// What the website's visitor sees: the answer page after sending the form (thanks, or what to put
// right, with a way back), and the HTML snippet the office pastes into its website. Plain HTML
// with inline styles: the relay serves no assets, and the page must read well on a phone.

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;background:#f5f6f8;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2433">
<main style="max-width:34rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)">
<h1 style="font-size:1.4rem;margin:0 0 1rem">${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** Back to the page the form was on (the Referer), or words for the Back button: the page runs no script. */
function backLink(referer: string | undefined, words: string): string {
  let url: URL | undefined;
  try {
    url = referer ? new URL(referer) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return '<p>Use your browser’s Back button to return.</p>';
  return `<p><a href="${escapeHtml(url.href)}" style="color:#2857c5">${escapeHtml(words)}</a></p>`;
}

export function thanksPage(officeName: string, visitorName: string, referer: string | undefined): string {
  return page(
    'Thank you — your message was sent',
    `<p>Thank you, ${escapeHtml(visitorName)}. ${escapeHtml(officeName)} has your details and will get back to you soon.</p>${backLink(referer, 'Back to the website')}`,
  );
}

export function problemsPage(problems: readonly string[], referer: string | undefined): string {
  const items = problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('');
  return page('Your message was not sent yet', `<p>Please put this right and send it again:</p><ul>${items}</ul>${backLink(referer, 'Back to the form')}`);
}

export function tooManyPage(waitSeconds: number, referer: string | undefined): string {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  return page(
    'Please wait a moment',
    `<p>Many messages came from here in a short time. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.</p>${backLink(referer, 'Back to the form')}`,
  );
}

export function unknownFormPage(): string {
  return page('This form is no longer in use', '<p>The office has moved its contact form. Please use the form on its website again, or call the office.</p>');
}

/** The HTML the office pastes into its website: a plain form posting to the relay. */
export function formSnippet(action: string): string {
  const field = (label: string, name: string, type: string, extra = '') =>
    `  <p><label>${label}<br><input name="${name}" type="${type}"${extra}></label></p>`;
  return [
    `<form method="post" action="${escapeHtml(action)}" accept-charset="utf-8">`,
    field('Your name', 'name', 'text', ' required maxlength="200" autocomplete="name"'),
    field('E-mail', 'email', 'email', ' maxlength="254" autocomplete="email"'),
    field('Phone', 'phone', 'tel', ' maxlength="40" autocomplete="tel"'),
    field('Company (if any)', 'company', 'text', ' maxlength="200" autocomplete="organization"'),
    '  <p><label>How can we help?<br><textarea name="message" rows="5" maxlength="5000"></textarea></label></p>',
    `  <p style="position:absolute;left:-10000px" aria-hidden="true"><label>Leave this empty<input name="${honeypotField}" tabindex="-1" autocomplete="off"></label></p>`,
    '  <p><button type="submit">Send</button></p>',
    '</form>',
  ].join('\n');
}
