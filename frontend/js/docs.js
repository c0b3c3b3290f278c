// Shows one page of docs/ (served at /docs/*.md, the same files as in the repository) as plain text:
// docs.html?doc=metric-definitions. Only the pages' own names are accepted.
const PAGES = ['metric-definitions', 'metrics', 'import-formats'];
const doc = new URLSearchParams(location.search).get('doc');
const box = document.getElementById('doc');

async function show() {
  if (!PAGES.includes(doc)) {
    box.textContent = `Choose a page above (${PAGES.join(', ')}).`;
    return;
  }
  const response = await fetch(`/docs/${doc}.md`);
  box.textContent = response.ok ? await response.text() : `Could not load ${doc}.md: ${response.status}`;
  document.title = `Rapport · ${doc.replace('-', ' ')}`;
}

show();
