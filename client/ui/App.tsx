/** The app shell. Board creation and the canvas arrive with the canvas issue; this is the front page. */
import { kindLabel } from '../../shared/i18n';
import type { Language } from '../../shared/ydoc';

const intro: Record<Language, { lead: string; steps: string[] }> = {
  en: {
    lead: 'A live workshop board for small wins toward systemic change in water and climate.',
    steps: [
      'Formulate an ambition that provokes and leaves room.',
      'Harvest the small wins that already made a difference.',
      'Link them into paths: spreading, broadening, deepening.',
      'See which boundaries each path crosses, and what propels it.',
    ],
  },
  nl: {
    lead: 'Een live workshopbord voor small wins op weg naar systeemverandering in water en klimaat.',
    steps: [
      'Formuleer een ambitie die prikkelt en ruimte biedt.',
      'Oogst de small wins die al verschil maakten.',
      'Verbind ze tot paden: verspreiden, verbreden, verdiepen.',
      'Zie welke grenzen elk pad overschrijdt, en wat het aanjaagt.',
    ],
  },
};

/** Picks Dutch for Dutch-speaking browsers, English otherwise. */
function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The front page. */
export function App() {
  const language = browserLanguage();
  const text = intro[language];
  return (
    <main className="front" lang={language}>
      <h1>Olievlek</h1>
      <p className="lead">{text.lead}</p>
      <ol className="steps">
        {text.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <ul className="kinds" aria-label={language === 'nl' ? 'Soorten' : 'Kinds'}>
        {(['ambition', 'smallWin', 'boundary'] as const).map((kind) => (
          <li key={kind} className={`kind kind-${kind}`}>
            {kindLabel(language, kind)}
          </li>
        ))}
      </ul>
    </main>
  );
}
