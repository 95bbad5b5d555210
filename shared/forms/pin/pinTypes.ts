export type Sex = 'female' | 'male';

/** What a PIN's format encodes, where it encodes it; the engine checks it against the card. */
export type PinReading = { ok: true; sex?: Sex; birthDate?: string } | { ok: false; problem: 'format' };
