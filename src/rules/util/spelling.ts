// How rules spell values in messages: in the app's own language (element names come from SETTINGS, settingElement).
import type { AppKind, IpRelaxation } from '../../types.js';

/** The model keeps IP relaxation in the Connected App spelling; messages speak the file's own language. */
const ECA_IP_RELAXATION_SPELLING: Readonly<Record<IpRelaxation, string>> = {
  ENFORCE: 'Enforce',
  BYPASS: 'Bypass',
  BYPASS_2FACTOR: 'Bypass_2factor',
  ENFORCE_RELAXREFRESH: 'Enforce_RelaxRefresh',
};

export function ipRelaxationSpelling(kind: AppKind, value: IpRelaxation): string {
  return kind === 'connectedApp' ? value : ECA_IP_RELAXATION_SPELLING[value];
}
