/** English labels of the domain vocabulary (DOMAIN.md). The key set here is the reference for every language. */
export const en = {
  'kind.ambition': 'Ambition',
  'kind.smallWin': 'Small win',
  'kind.boundary': 'Boundary marker',
  'kind.actor': 'Actor',
  'kind.intervention': 'Intervention',
  'kind.note': 'Note',
  'kind.frame': 'Frame',
  'kind.frame.long': 'Frame / island of agreement',

  'section.boundary': 'Boundary markers',
  'section.actor': 'Actors',
  'section.intervention': 'Interventions',
  'section.note': 'Notes',
  'section.frame': 'Frames and islands of agreement',

  'link.contributes': 'contributes to',
  'link.spreads': 'spreads to',
  'link.broadens': 'broadens to',
  'link.deepens': 'deepens into',
  'link.enables': 'enables',
  'link.propels': 'propels',
  'link.involves': 'involves',

  'status.idea': 'idea',
  'status.underway': 'underway',
  'status.realised': 'realised',
  'status.stalled': 'stalled',

  'boundaryType.physical': 'physical',
  'boundaryType.cognitive': 'cognitive',
  'boundaryType.social': 'social',
  'boundaryType.physical.hint': 'chance of meeting',
  'boundaryType.cognitive.hint': 'knowledge, language, logics',
  'boundaryType.social.hint': 'identity, us/them, trust, reciprocity',

  'dimension.policyDomain': 'policy domains',
  'dimension.scaleLevel': 'scale levels',
  'dimension.sphere': 'spheres',
  'dimension.insideOutside': 'inside–outside',
  'dimension.discipline': 'disciplines',

  'sphere.public': 'public',
  'sphere.private': 'private',
  'sphere.societal': 'societal',

  'advice.do': 'do',
  'advice.dont': "don't",

  'mechanism.energizing': 'Energizing',
  'mechanism.experimenting': 'Experimenting',
  'mechanism.attraction': 'Logic of attraction',
  'mechanism.bandwagon': 'Bandwagon',
  'mechanism.connecting': 'Connecting',
  'mechanism.robustness': 'Robustness',

  'mechanism.energizing.do': 'Respect the link between the initiative and a passionate long-term vision',
  'mechanism.energizing.dont': 'Pamper for show; disqualify old thinking',
  'mechanism.experimenting.do': 'Leave room to experiment with other forms of collaboration too',
  'mechanism.experimenting.dont': 'Stop at disappointing results; detailed subsidy schemes',
  'mechanism.attraction.do': 'Show successes; give trust so other partners follow',
  'mechanism.attraction.dont': 'Raise expectations that cannot be met',
  'mechanism.bandwagon.do': 'Create networks and communities of practice',
  'mechanism.bandwagon.dont': 'Control too much from the top; keep restrictive law alive',
  'mechanism.connecting.do': 'Give access to other networks; open doors; break down silos',
  'mechanism.connecting.dont': 'Bureau politics; not looking across your own borders; earmarked money',
  'mechanism.robustness.do': 'Embed in regular policy, information and law',
  'mechanism.robustness.dont': 'Eternal pilots; no continuity in policy',
} as const;

/** A label key. */
export type LabelKey = keyof typeof en;
