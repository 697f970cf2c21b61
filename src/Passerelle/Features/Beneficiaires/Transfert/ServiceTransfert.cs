using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Securite;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires.Transfert;

/// <summary>A file ready to download. Its name carries the date only, never the person.</summary>
public sealed record FichierTransfert(byte[] Contenu, string TypeContenu, string NomFichier);

/// <summary>
/// The transfer export of a dossier (see <see cref="DossierTransfert"/>), in JSON for the receiving
/// département's system and in PDF for its agents. Every export is journaled. The caller has checked the scope.
/// </summary>
public sealed class ServiceTransfert(PasserelleDbContext db, ProtectionNir protectionNir, Journal journal, TimeProvider temps)
{
    public static readonly JsonSerializerOptions OptionsJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        // Accented names stay readable in the file.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<FichierTransfert> ExporterJsonAsync(Guid beneficiaireId, TimeZoneInfo fuseau, CancellationToken cancellationToken = default)
    {
        var dossier = await LireAsync(beneficiaireId, cancellationToken);
        var contenu = JsonSerializer.SerializeToUtf8Bytes(dossier, OptionsJson);
        await journal.EnregistrerAsync(ActionJournal.Export, nameof(Beneficiaire), beneficiaireId, cancellationToken: cancellationToken);
        return new FichierTransfert(contenu, "application/json", NomFichier("json", fuseau));
    }

    public async Task<FichierTransfert> ExporterPdfAsync(Guid beneficiaireId, TimeZoneInfo fuseau, CancellationToken cancellationToken = default)
    {
        var dossier = await LireAsync(beneficiaireId, cancellationToken);
        var contenu = PdfTransfert.Generer(dossier, fuseau);
        await journal.EnregistrerAsync(ActionJournal.Export, nameof(Beneficiaire), beneficiaireId, cancellationToken: cancellationToken);
        return new FichierTransfert(contenu, "application/pdf", NomFichier("pdf", fuseau));
    }

    private string NomFichier(string extension, TimeZoneInfo fuseau) =>
        $"transfert-dossier-{temps.Aujourdhui(fuseau):yyyy-MM-dd}.{extension}";

    public async Task<DossierTransfert> LireAsync(Guid beneficiaireId, CancellationToken cancellationToken = default)
    {
        var b = await db.Beneficiaires.AsNoTracking().Include(x => x.Clotures)
            .SingleAsync(x => x.Id == beneficiaireId && x.FusionneDansId == null, cancellationToken);
        var departement = await db.Departements.AsNoTracking().Where(d => d.Id == b.DepartementId)
            .Select(d => new DepartementTransfert(d.Code, d.Nom)).SingleAsync(cancellationToken);
        var foyer = b.FoyerId is null ? null : await db.Foyers.AsNoTracking().SingleOrDefaultAsync(f => f.Id == b.FoyerId, cancellationToken);

        var droits = await db.DroitsRsa.AsNoTracking().Where(d => d.BeneficiaireId == beneficiaireId).ToListAsync(cancellationToken);
        var designations = await db.ReferentsUniques.AsNoTracking().Where(r => r.BeneficiaireId == beneficiaireId).ToListAsync(cancellationToken);
        var evaluations = await db.EvaluationsFreins.AsNoTracking().Where(e => e.BeneficiaireId == beneficiaireId).ToListAsync(cancellationToken);
        var notes = await db.NotesSuivi.AsNoTracking().Where(n => n.BeneficiaireId == beneficiaireId).ToListAsync(cancellationToken);
        // Described only: the bytes live in another table, which is not read.
        var documents = await db.Documents.AsNoTracking().Where(d => d.BeneficiaireId == beneficiaireId)
            .Select(d => new { d.NomFichier, d.TypeContenu, d.Taille, d.Instant }).ToListAsync(cancellationToken);

        var agentIds = designations.Select(r => r.AgentId).Concat(notes.Select(n => n.AgentId)).OfType<Guid>().Distinct().ToList();
        var agents = await db.Users.AsNoTracking().Where(a => agentIds.Contains(a.Id))
            .Select(a => new { a.Id, Nom = a.Prenom + " " + a.Nom }).ToDictionaryAsync(a => a.Id, a => a.Nom, cancellationToken);
        var structureIds = designations.Select(r => r.StructureId).OfType<Guid>().Distinct().ToList();
        var structures = await db.Structures.AsNoTracking().Where(s => structureIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Nom, cancellationToken);
        var communeCodes = new[] { b.CommuneCode, foyer?.CommuneCode }.OfType<string>().Distinct().ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Nom, cancellationToken);
        var qpv = foyer?.QpvId is null
            ? null
            : await db.Qpvs.AsNoTracking().Where(q => q.Id == foyer.QpvId).Select(q => q.Nom + " (" + q.Code + ")").SingleOrDefaultAsync(cancellationToken);
        var themes = await db.ValeursReference.AsNoTracking().Where(v => v.Liste == ParametrageInitial.Listes.ThemesFreins)
            .ToDictionaryAsync(v => v.Code, v => v.Libelle, cancellationToken);

        CommuneTransfert? Commune(string? code) => code is null ? null : new CommuneTransfert(code, communes.GetValueOrDefault(code));
        string? Agent(Guid? id) => id is { } a ? agents.GetValueOrDefault(a) : null;

        var personne = new PersonneTransfert(
            b.NomNaissance, b.NomUsage, b.Prenoms, b.DateNaissance, b.Sexe,
            Enum.GetValues<Dispositifs>().Where(d => d != Dispositifs.Aucun && b.Dispositifs.HasFlag(d)).ToList(),
            b.NirChiffre is { } chiffre && b.NirCleId is { } cle ? protectionNir.Dechiffrer(chiffre, cle).Valeur : null,
            b.NirTemporaire, b.Telephone, b.Courriel, b.Adresse, Commune(b.CommuneCode), b.Clos);

        return new DossierTransfert(
            DossierTransfert.NomFormat,
            DossierTransfert.VersionFormat,
            temps.GetUtcNow().UtcDateTime,
            departement,
            personne,
            foyer is null
                ? null
                : new FoyerTransfert(foyer.Adresse, Commune(foyer.CommuneCode), qpv, foyer.Composition, foyer.NombreEnfants, foyer.OrganismePayeur, foyer.Matricule),
            droits.OrderBy(d => d.DateEffet).ThenBy(d => d.InstantSaisie)
                .Select(d => new DroitTransfert(d.DateEffet, d.Etat, d.OrganismePayeur, d.SoumisDroitsEtDevoirs, d.DateReceptionInformation)).ToList(),
            designations.OrderBy(r => r.Debut)
                .Select(r => new ReferentTransfert(
                    r.Debut, r.Fin, Agent(r.AgentId) ?? r.NomExterne ?? "Référent inconnu",
                    r.StructureId is { } s ? structures.GetValueOrDefault(s) ?? r.StructureExterne : r.StructureExterne))
                .ToList(),
            evaluations.OrderBy(e => e.Date).ThenBy(e => e.InstantSaisie)
                .Select(e => new EvaluationTransfert(e.Date, e.Theme, themes.GetValueOrDefault(e.Theme) ?? e.Theme, e.Niveau, e.Commentaire)).ToList(),
            notes.OrderBy(n => n.Instant).Select(n => new NoteTransfert(n.Instant, Agent(n.AgentId), n.Texte)).ToList(),
            b.Clotures.OrderBy(c => c.Date).Select(c => new ClotureTransfert(c.Date, c.Motif, c.Commentaire, c.DateReouverture)).ToList(),
            documents.OrderBy(d => d.Instant).Select(d => new DocumentTransfert(d.NomFichier, d.TypeContenu, d.Taille, d.Instant)).ToList());
    }
}
