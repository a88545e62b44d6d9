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

    it('is kept for a retry of the same act, and drawn anew for another offer or other barcodes', () => {
        const first = keyFor(null, 'offer-1', [valid], draw);
        expect(keyFor(first, 'offer-1', [valid], draw)).toBe(first);
        expect(keyFor(first, 'offer-2', [valid], draw).key).not.toBe(first.key);
        expect(keyFor(first, 'offer-1', [valid, mistyped], draw).key).not.toBe(first.key);
        expect(keyFor(first, 'offer-1', [mistyped], draw).key).not.toBe(first.key);
    });
});
