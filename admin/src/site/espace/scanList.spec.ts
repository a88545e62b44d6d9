import { barcodeFromSerial } from '../../../../server/src/rules/barcode';
import { addRead, keyFor } from './scanList';

const valid = barcodeFromSerial('00000000042');
const mistyped = valid.slice(0, 12) + String((Number(valid[12]) + 1) % 10);

describe('the scanner page’s list of reads', () => {
    it('checks each read’s check digit locally, drops separators, refuses duplicates and empty reads', () => {
        let { list, outcome } = addRead([], ` ${valid.slice(0, 6)} ${valid.slice(6)} `);
        expect(outcome).toBe('added');
        expect(list).toEqual([{ barcode: valid, wellFormed: true }]);
        ({ list, outcome } = addRead(list, mistyped));
        expect(list[1]).toEqual({ barcode: mistyped, wellFormed: false });
        expect(addRead(list, valid)).toEqual({ list, outcome: 'duplicate' });
        expect(addRead(list, '  ')).toEqual({ list, outcome: 'empty' });
    });

    it('holds 20 reads at most (the server’s limit per redemption)', () => {
        let list: ReturnType<typeof addRead>['list'] = [];
        for (let i = 0; i < 20; i++) list = addRead(list, barcodeFromSerial(String(i).padStart(11, '0'))).list;
        expect(addRead(list, valid).outcome).toBe('full');
    });
});

describe('the Idempotency-Key of a service act', () => {
    const draw = (() => {
        let n = 0;
        return () => `key-${++n}`;
    })();

    it('is kept for a retry of the same act, and drawn anew for another offer, place or other barcodes', () => {
        const act = { offerId: 'offer-1', locationId: null, barcodes: [valid] };
        const first = keyFor(null, act, draw);
        expect(keyFor(first, { ...act, barcodes: [valid] }, draw)).toBe(first);
        expect(keyFor(first, { ...act, offerId: 'offer-2' }, draw).key).not.toBe(first.key);
        expect(keyFor(first, { ...act, locationId: 'place-2' }, draw).key).not.toBe(first.key);
        expect(keyFor(first, { ...act, barcodes: [valid, mistyped] }, draw).key).not.toBe(first.key);
        expect(keyFor(first, { ...act, barcodes: [mistyped] }, draw).key).not.toBe(first.key);
        // The act kept is a copy: changing the page's list afterwards does not change what a retry sends.
        const barcodes = [valid];
        const kept = keyFor(null, { ...act, barcodes }, draw);
        barcodes.push(mistyped);
        expect(kept.barcodes).toEqual([valid]);
    });
});
