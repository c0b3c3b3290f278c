// Carries the page the user wanted through the sign-in, and says why a sign-in failed.
const params = new URLSearchParams(location.search);
const next = params.get('next');
if (next && next.startsWith('/') && !next.startsWith('//')) {
  document.getElementById('next').value = next;
}
const errors = {
  wrong: 'Wrong user name or password.',
  locked: 'Too many failed sign-ins. Try again in 15 minutes.',
  expired: 'Your session ended. Please sign in again.',
};
document.getElementById('error').textContent = errors[params.get('error')] || '';
