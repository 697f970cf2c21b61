// Regenerates src/Passerelle/Data/Referentiels/communes.csv and departements.csv from the COG data shipped in the npm
// package @etalab/decoupage-administratif (Licence Ouverte 2.0).
// Usage (from this folder): npm install --no-save @etalab/decoupage-administratif@6.0.0 && node extraire.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const version = require('@etalab/decoupage-administratif/package.json').version;
const communes = require('@etalab/decoupage-administratif/data/communes.json')
  .filter(c => c.type === 'commune-actuelle')
  .sort((a, b) => a.code.localeCompare(b.code));

const champ = v => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const lignes = [`# @etalab/decoupage-administratif ${version}, Licence Ouverte 2.0 (COG INSEE)`, 'code;nom;departement;codes_postaux'];
for (const c of communes) {
  lignes.push([c.code, champ(c.nom), c.departement, (c.codesPostaux ?? []).join(' ')].join(';'));
}
writeFileSync(new URL('../../src/Passerelle/Data/Referentiels/communes.csv', import.meta.url), lignes.join('\n') + '\n');
const departements = require('@etalab/decoupage-administratif/data/departements.json')
  .sort((a, b) => a.code.localeCompare(b.code));
const lignesDep = [`# @etalab/decoupage-administratif ${version}, Licence Ouverte 2.0 (COG INSEE)`, 'code;nom'];
for (const d of departements) {
  lignesDep.push([d.code, champ(d.nom)].join(';'));
}
writeFileSync(new URL('../../src/Passerelle/Data/Referentiels/departements.csv', import.meta.url), lignesDep.join('\n') + '\n');
console.log(`${communes.length} communes écrites (version ${version}).`);
