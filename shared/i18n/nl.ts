/** Dutch labels of the domain vocabulary (DOMAIN.md); the deck's own words where it has them. */
import type { LabelKey } from './en';

/** Every English key, in Dutch; the type makes a missing key a compile error. */
export const nl: Record<LabelKey, string> = {
  'kind.ambition': 'Ambitie',
  'kind.smallWin': 'Small win',
  'kind.boundary': 'Grensmarkering',
  'kind.actor': 'Actor',
  'kind.intervention': 'Interventie',
  'kind.note': 'Notitie',
  'kind.frame': 'Kader',
  'kind.frame.long': 'Kader / eiland van overeenstemming',

  'section.boundary': 'Grensmarkeringen',
  'section.actor': 'Actoren',
  'section.intervention': 'Interventies',
  'section.note': 'Notities',
  'section.frame': 'Kaders en eilanden van overeenstemming',

  'link.contributes': 'draagt bij aan',
  'link.spreads': 'verspreidt naar',
  'link.broadens': 'verbreedt naar',
  'link.deepens': 'verdiept tot',
  'link.enables': 'maakt mogelijk',
  'link.propels': 'jaagt aan',
  'link.involves': 'betrekt',

  'status.idea': 'idee',
  'status.underway': 'onderweg',
  'status.realised': 'gerealiseerd',
  'status.stalled': 'gestokt',

  'boundaryType.physical': 'fysiek',
  'boundaryType.cognitive': 'cognitief',
  'boundaryType.social': 'sociaal',
  'boundaryType.physical.hint': 'kans op ontmoeten',
  'boundaryType.cognitive.hint': 'kennis, taal, logica’s, begrip',
  'boundaryType.social.hint': 'identiteit, wij/zij, vertrouwen, reciprociteit',

  'dimension.policyDomain': 'beleidsdomeinen',
  'dimension.scaleLevel': 'schaalniveaus',
  'dimension.sphere': 'sferen',
  'dimension.insideOutside': 'binnen–buiten',
  'dimension.discipline': 'disciplines',

  'sphere.public': 'publiek',
  'sphere.private': 'privaat',
  'sphere.societal': 'maatschappelijk',

  'advice.do': 'doen',
  'advice.dont': 'niet doen',

  'mechanism.energizing': 'Energizing',
  'mechanism.experimenting': 'Experimenteren',
  'mechanism.attraction': 'Logic of attraction',
  'mechanism.bandwagon': 'Olievlekwerking',
  'mechanism.connecting': 'Verbinden',
  'mechanism.robustness': 'Robuustheid',

  'mechanism.energizing.do': 'Respect voor de relatie tussen initiatief en bevlogen langetermijnvisie',
  'mechanism.energizing.dont': 'Pamperen voor de bühne; oud denken diskwalificeren',
  'mechanism.experimenting.do': 'Ook experimenteerruimte voor andere vormen van samenwerking',
  'mechanism.experimenting.dont': 'Stoppen bij tegenvallende resultaten; gedetailleerde subsidieregelingen',
  'mechanism.attraction.do': 'Successen laten zien; vertrouwen geven zodat andere partners volgen',
  'mechanism.attraction.dont': 'Verwachtingen of hoop creëren die niet waar te maken zijn',
  'mechanism.bandwagon.do': 'Netwerken of communities of practice creëren',
  'mechanism.bandwagon.dont': 'Te veel van bovenaf beheersen; beperkende wetgeving laten voortbestaan',
  'mechanism.connecting.do': 'Toegang bieden tot andere netwerken; deuren openen; ontschotten',
  'mechanism.connecting.dont': 'Bureaupolitiek; zelf niet over grenzen kijken; gelabeld geld',
  'mechanism.robustness.do': 'Opnemen in regulier beleid, voorlichting en wetgeving',
  'mechanism.robustness.dont': 'Eeuwige pilots; gebrek aan continuïteit in beleid',
};
