import { isValidBarcode } from '../../../../server/src/rules/barcode';
import { MAX_BARCODES_PER_REDEMPTION } from '../../../../server/src/rules/scan-reasons';

/** A barcode read for the current service act, checked locally before anything is sent. */
export interface ReadBarcode {
    barcode: string;
    /** 13 digits, prefix 2, right GS1 check digit (the server's own rule, server/src/rules/barcode.ts). */
    wellFormed: boolean;
}

export type AddOutcome = 'added' | 'empty' | 'duplicate' | 'full';

/** What a reader typed (a USB reader types the 13 digits then Enter): spaces and separators dropped. */
export const cleanRead = (raw: string) => raw.replace(/[\s-]+/g, '');

/** Adds a read to the list (at the end), unless it is empty, already there, or the list is full. */
export function addRead(list: ReadBarcode[], raw: string): { list: ReadBarcode[]; outcome: AddOutcome } {
    const barcode = cleanRead(raw);
    if (barcode === '') return { list, outcome: 'empty' };
    if (list.some(r => r.barcode === barcode)) return { list, outcome: 'duplicate' };
    if (list.length >= MAX_BARCODES_PER_REDEMPTION) return { list, outcome: 'full' };
    return { list: [...list, { barcode, wellFormed: isValidBarcode(barcode) }], outcome: 'added' };
}

/**
 * The Idempotency-Key of a service act: drawn when it is first sent, kept (with what was sent)
 * until an answer arrives, so that a retry after a network failure is the same request and the
 * server answers it without redeeming twice. Another offer, place or other barcodes: another act, a new key.
 */
export interface ServiceAct {
    offerId: string;
    /** The structure's place where the service happened, when it has places. */
    locationId: string | null;
    barcodes: string[];
}
export interface PendingSend extends ServiceAct {
    key: string;
}

const sameAct = (a: ServiceAct, b: ServiceAct) =>
    a.offerId === b.offerId && a.locationId === b.locationId && a.barcodes.length === b.barcodes.length && a.barcodes.every((x, i) => x === b.barcodes[i]);

export function keyFor(pending: PendingSend | null, act: ServiceAct, draw: () => string): PendingSend {
    if (pending && sameAct(pending, act)) return pending;
    return { key: draw(), offerId: act.offerId, locationId: act.locationId, barcodes: [...act.barcodes] };
}
