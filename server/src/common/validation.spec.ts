import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsString, Max, MaxLength, validate, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import '../app.module';
import { describeValidationErrors, FRENCH_DEFAULTS, hasOwnMessage } from './validation';

class Child {
  @IsString() @MaxLength(5) name!: string;
}
class Parent {
  @IsInt() @Max(10) count!: number;
  @IsString({ message: 'message maison' }) label!: string;
  @ValidateNested() @Type(() => Child) child!: Child;
}

describe('validation messages', () => {
  it('says in French what class-validator says in English, with the limits of each check', async () => {
    const parent = Object.assign(new Parent(), { count: 50, label: 3, child: Object.assign(new Child(), { name: 'beaucoup trop long' }) });
    const fields = describeValidationErrors(await validate(parent, { stopAtFirstError: true }));
    expect(fields).toEqual({ count: ['10 au plus'], label: ['message maison'], 'child.name': ['5 caractères au plus'] });
    const notObject = describeValidationErrors(await validate(Object.assign(new Parent(), { count: 1, label: 'x', child: 'texte' })));
    expect(notObject.child).toEqual(['doit être un objet (ou une liste d’objets)']);
  });

  it('has a French wording for every check a DTO of the server uses without a message of its own', () => {
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Parameters<typeof hasOwnMessage>[0][]> };
    const missing = new Set<string>();
    let checked = 0;
    for (const list of storage.validationMetadatas.values()) {
      for (const meta of list) {
        if (hasOwnMessage(meta) || ['conditionalValidation', 'whitelistValidation'].includes(meta.type)) continue;
        const kind = meta.name ?? meta.type;
        checked++;
        if (!Object.hasOwn(FRENCH_DEFAULTS, kind)) missing.add(`${(meta.target as Function).name}: ${kind}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect([...missing]).toEqual([]);
  });
});
