using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Domain.Identite;
using Passerelle.Features.Administration;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Securite;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Beneficiaires;

/// <summary>The writes of the dossier: creation, identity, household, rights, référent, notes, merge.</summary>
public sealed class ServiceDossiers(PasserelleDbContext db, Journal journal, ProtectionNir protection, AgentCourant agentCourant, TimeProvider temps)
{
    public async Task<Beneficiaire> CreerAsync(SaisieBeneficiaire saisie, string? matricule, OrganismePayeur? organismePayeur, CancellationToken cancellationToken = default)
    {
        var departementId = db.DepartementCourant.IdObligatoire;
        var date = saisie.DateNaissance ?? throw new RegleMetierException("La date de naissance est obligatoire.");
        var sexe = saisie.Sexe ?? throw new RegleMetierException("Le sexe est obligatoire.");
        VerifierDateNaissance(date);
        var beneficiaire = new Beneficiaire(departementId, saisie.NomNaissance, saisie.NomUsage, saisie.Prenoms, date, sexe, saisie.DispositifsCombines());
        var commune = await VerifierCommuneAsync(saisie.CommuneCode, cancellationToken);
        var foyer = await FoyerPourAsync(matricule, organismePayeur, saisie.Adresse, commune, cancellationToken);
        beneficiaire.ModifierCoordonnees(saisie.Telephone, saisie.Courriel, saisie.Adresse, commune, foyer?.Id);
        beneficiaire.DefinirNir(ProtegerNir(saisie.Nir));
        db.Beneficiaires.Add(beneficiaire);

        // A référent who records a person follows her until an orientation decides otherwise.
        var utilisateur = agentCourant.Utilisateur;
        if (utilisateur?.EstDans(Role.Referent) == true && agentCourant.Id is { } agentId)
        {
            var structureId = await db.Users.Where(a => a.Id == agentId).Select(a => a.StructureId).SingleOrDefaultAsync(cancellationToken);
            db.ReferentsUniques.Add(ReferentUnique.Designer(departementId, beneficiaire.Id, [], Aujourdhui(), agentId, structureId, null, null));
        }

        journal.Ajouter(ActionJournal.Creation, nameof(Beneficiaire), beneficiaire.Id);
        await db.SaveChangesAsync(cancellationToken);
        return beneficiaire;
    }

    /// <summary>Identity and contact. An empty NIR field keeps the stored number unless <paramref name="effacerNir"/>.</summary>
    public async Task ModifierAsync(Guid id, int version, SaisieBeneficiaire saisie, bool effacerNir, CancellationToken cancellationToken = default)
    {
        var beneficiaire = await ChargerAsync(id, version, cancellationToken);
        var date = saisie.DateNaissance ?? throw new RegleMetierException("La date de naissance est obligatoire.");
        var sexe = saisie.Sexe ?? throw new RegleMetierException("Le sexe est obligatoire.");
        VerifierDateNaissance(date);
        var commune = await VerifierCommuneAsync(saisie.CommuneCode, cancellationToken);
        beneficiaire.ModifierIdentite(saisie.NomNaissance, saisie.NomUsage, saisie.Prenoms, date, sexe);
        beneficiaire.ModifierDispositifs(saisie.DispositifsCombines());
        beneficiaire.ModifierCoordonnees(saisie.Telephone, saisie.Courriel, saisie.Adresse, commune, beneficiaire.FoyerId);
        if (!string.IsNullOrWhiteSpace(saisie.Nir))
        {
            beneficiaire.DefinirNir(ProtegerNir(saisie.Nir));
        }
        else if (effacerNir)
        {
            beneficiaire.DefinirNir(null);
        }

        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Creates the household on first edit, or edits the person's own. A matricule that belongs to another
    /// household attaches the person to it as it is: that household's data is not rewritten from this form.
    /// </summary>
    /// <returns>True when the person joined an existing household.</returns>
    public async Task<bool> ModifierFoyerAsync(Guid id, int version, int? versionFoyer, SaisieFoyer saisie, CancellationToken cancellationToken = default)
    {
        var beneficiaire = await ChargerAsync(id, version, cancellationToken);
        var commune = await VerifierCommuneAsync(saisie.CommuneCode, cancellationToken);
        if (saisie.QpvId is { } qpvId && !await db.Qpvs.AnyAsync(q => q.Id == qpvId, cancellationToken))
        {
            throw new RegleMetierException("Choisissez un quartier prioritaire de votre département.");
        }

        var matricule = Foyer.NormaliserMatricule(saisie.Matricule);
        var existant = matricule is null
            ? null
            : await db.Foyers.FirstOrDefaultAsync(f => f.Matricule == matricule && f.Id != beneficiaire.FoyerId, cancellationToken);
        Foyer foyer;
        if (existant is not null)
        {
            foyer = existant;
        }
        else if (beneficiaire.FoyerId is { } foyerId)
        {
            foyer = await db.Foyers.SingleAsync(f => f.Id == foyerId, cancellationToken);
            Concurrence.VerifierVersion(foyer, versionFoyer ?? -1);
            db.Entry(foyer).Property(f => f.Version).OriginalValue = versionFoyer ?? -1;
            foyer.Modifier(saisie.Adresse, commune, saisie.QpvId, saisie.Composition, saisie.NombreEnfants, saisie.OrganismePayeur, matricule);
        }
        else
        {
            foyer = new Foyer(db.DepartementCourant.IdObligatoire);
            foyer.Modifier(saisie.Adresse, commune, saisie.QpvId, saisie.Composition, saisie.NombreEnfants, saisie.OrganismePayeur, matricule);
            db.Foyers.Add(foyer);
        }

        beneficiaire.ModifierCoordonnees(beneficiaire.Telephone, beneficiaire.Courriel, beneficiaire.Adresse, beneficiaire.CommuneCode, foyer.Id);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), id);
        await db.SaveChangesAsync(cancellationToken);
        return existant is not null;
    }

    public async Task AjouterDroitAsync(
        Guid id, DateOnly? dateEffet, EtatDroitRsa? etat, OrganismePayeur? organisme, bool soumisDroitsEtDevoirs,
        DateOnly? dateReception, CancellationToken cancellationToken = default)
    {
        var beneficiaire = await ChargerAsync(id, cancellationToken);
        var effet = dateEffet ?? throw new RegleMetierException("La date d'effet est obligatoire.");
        var aujourdhui = Aujourdhui();
        if (effet > aujourdhui.AddMonths(3) || dateReception > aujourdhui)
        {
            throw new RegleMetierException("La date d'effet ne dépasse pas trois mois à venir, et la date de réception n'est pas dans le futur.");
        }

        var droit = new DroitRsa(
            beneficiaire.DepartementId, id, effet, etat ?? throw new RegleMetierException("L'état du droit est obligatoire."),
            organisme ?? throw new RegleMetierException("L'organisme payeur est obligatoire."),
            soumisDroitsEtDevoirs, dateReception, agentCourant.Id, temps.GetUtcNow().UtcDateTime);
        db.DroitsRsa.Add(droit);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DesignerReferentAsync(
        Guid id, DateOnly? debut, Guid? agentId, string? nomExterne, Guid? structureExterneId, string? structureExterne,
        CancellationToken cancellationToken = default)
    {
        var beneficiaire = await ChargerAsync(id, cancellationToken);
        if (beneficiaire.Clos)
        {
            throw new RegleMetierException("Le dossier est clos : rouvrez-le avant de désigner un référent.");
        }

        // After the orientation, who designates depends on where the person is oriented.
        var orientation = await Referents.RegleDesignation.OrientationAsync(db, id, cancellationToken);
        if (await Referents.RegleDesignation.RefusAsync(db, orientation, agentCourant.Utilisateur, agentCourant.Id, cancellationToken) is { } refus)
        {
            throw new RegleMetierException(refus);
        }

        var date = debut ?? throw new RegleMetierException("La date de début est obligatoire.");
        Guid? structureId = structureExterneId;
        TypeStructure? typeStructure = null;
        if (agentId is { } idAgent)
        {
            // Resolved through the tenant filter: an agent of another département is not found.
            var agent = await db.Users.Where(a => a.Id == idAgent && a.Actif)
                .Select(a => new { a.StructureId, Type = db.Structures.Where(s => s.Id == a.StructureId).Select(s => (TypeStructure?)s.Type).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new RegleMetierException("Choisissez un agent actif de votre département.");
            typeStructure = agent.Type;
            var roleReferent = RolesIdentite.IdPour(Role.Referent);
            var estReferent = await db.UserRoles.AnyAsync(r => r.UserId == idAgent && r.RoleId == roleReferent, cancellationToken);
            if (!estReferent)
            {
                throw new RegleMetierException("L'agent choisi n'a pas le rôle de référent.");
            }

            structureId = agent.StructureId;
            nomExterne = null;
            structureExterne = null;
        }
        else if (structureExterneId is { } idStructure && !await db.Structures.AnyAsync(s => s.Id == idStructure, cancellationToken))
        {
            throw new RegleMetierException("Choisissez une structure de votre département.");
        }

        if (Referents.RegleDesignation.RefusReferent(orientation, new(agentId, structureId, typeStructure)) is { } refusReferent)
        {
            throw new RegleMetierException(refusReferent);
        }

        var periodes = await db.ReferentsUniques.Where(r => r.BeneficiaireId == id).ToListAsync(cancellationToken);
        db.ReferentsUniques.Add(ReferentUnique.Designer(beneficiaire.DepartementId, id, periodes, date, agentId, structureId, nomExterne, structureExterne));
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AjouterNoteAsync(Guid id, string? texte, CancellationToken cancellationToken = default)
    {
        var beneficiaire = await ChargerAsync(id, cancellationToken);
        db.NotesSuivi.Add(new NoteSuivi(beneficiaire.DepartementId, id, agentCourant.Id, temps.GetUtcNow().UtcDateTime, texte ?? ""));
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Merges <paramref name="absorbeId"/> into <paramref name="conserveId"/>: every dated row moves to the kept
    /// dossier, the absorbed one keeps its id and leads there. One transaction.
    /// </summary>
    public async Task FusionnerAsync(Guid conserveId, int versionConserve, Guid absorbeId, int versionAbsorbe, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conserve = await ChargerAsync(conserveId, versionConserve, cancellationToken);
        var absorbe = await ChargerAsync(absorbeId, versionAbsorbe, cancellationToken);
        if (conserve.Clos != absorbe.Clos)
        {
            throw new RegleMetierException("L'un des deux dossiers est clos : rouvrez-le, ou clôturez l'autre, avant de les fusionner.");
        }

        absorbe.FusionnerDans(conserve);
        var ouvertConserve = await db.ReferentsUniques.AnyAsync(r => r.BeneficiaireId == conserveId && r.Fin == null, cancellationToken);
        if (ouvertConserve)
        {
            // One open designation at a time: the absorbed dossier's ends the day of the merge.
            foreach (var periode in await db.ReferentsUniques.Where(r => r.BeneficiaireId == absorbeId && r.Fin == null).ToListAsync(cancellationToken))
            {
                periode.Terminer(Aujourdhui());
            }
        }

        journal.Ajouter(ActionJournal.Fusion, nameof(Beneficiaire), conserveId);
        journal.Ajouter(ActionJournal.Fusion, nameof(Beneficiaire), absorbeId);
        await db.SaveChangesAsync(cancellationToken);

        // Set-based moves: the rows themselves do not change, only whose dossier they belong to.
        await db.DroitsRsa.Where(x => x.BeneficiaireId == absorbeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BeneficiaireId, conserveId), cancellationToken);
        await db.ReferentsUniques.Where(x => x.BeneficiaireId == absorbeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BeneficiaireId, conserveId), cancellationToken);
        await db.EvaluationsFreins.Where(x => x.BeneficiaireId == absorbeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BeneficiaireId, conserveId), cancellationToken);
        await db.NotesSuivi.Where(x => x.BeneficiaireId == absorbeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BeneficiaireId, conserveId), cancellationToken);
        await db.Documents.Where(x => x.BeneficiaireId == absorbeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BeneficiaireId, conserveId), cancellationToken);
        await db.ClotureDossiers.Where(x => x.BeneficiaireId == absorbeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BeneficiaireId, conserveId), cancellationToken);
        // The kept dossier may now hold a later right.
        await SuiviCourant.RecalculerAsync(db, b => b.Id == conserveId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Nir> DemasquerNirAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var chiffre = await db.Beneficiaires.Where(b => b.Id == id).Select(b => new { b.NirChiffre, b.NirCleId }).SingleOrDefaultAsync(cancellationToken);
        if (chiffre?.NirChiffre is null || chiffre.NirCleId is null)
        {
            throw new RegleMetierException("Aucun NIR n'est enregistré pour cette personne.");
        }

        journal.Ajouter(ActionJournal.Demasquage, nameof(Beneficiaire), id);
        await db.SaveChangesAsync(cancellationToken);
        return protection.Dechiffrer(chiffre.NirChiffre, chiffre.NirCleId);
    }

    /// <summary>The protected form of a typed NIR, or null when nothing was typed; a wrong key is refused.</summary>
    public NirProtege? ProtegerNir(string? saisie) =>
        string.IsNullOrWhiteSpace(saisie) ? null : protection.Proteger(Nir.Lire(saisie));

    /// <summary>A dossier of the current département that was not merged into another.</summary>
    private async Task<Beneficiaire> ChargerAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Beneficiaires.SingleOrDefaultAsync(b => b.Id == id && b.FusionneDansId == null, cancellationToken)
            ?? throw new RegleMetierException("Ce dossier n'existe pas dans votre département.");

    private async Task<Beneficiaire> ChargerAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var beneficiaire = await ChargerAsync(id, cancellationToken);
        Concurrence.VerifierVersion(beneficiaire, version);
        db.Entry(beneficiaire).Property(b => b.Version).OriginalValue = version;
        return beneficiaire;
    }

    private async Task<Foyer?> FoyerPourAsync(string? matricule, OrganismePayeur? organisme, string? adresse, string? commune, CancellationToken cancellationToken)
    {
        var normalise = Foyer.NormaliserMatricule(matricule);
        if (normalise is null && organisme is null)
        {
            return null;
        }

        if (normalise is not null && await db.Foyers.FirstOrDefaultAsync(f => f.Matricule == normalise, cancellationToken) is { } existant)
        {
            return existant;
        }

        var foyer = new Foyer(db.DepartementCourant.IdObligatoire);
        foyer.Modifier(adresse, commune, null, null, null, organisme, normalise);
        db.Foyers.Add(foyer);
        return foyer;
    }

    private async Task<string?> VerifierCommuneAsync(string? communeCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(communeCode))
        {
            return null;
        }

        var code = CommunesDuDepartement.Normaliser(communeCode);
        var trouvees = await CommunesDuDepartement.TrouverAsync(db, [code], cancellationToken);
        return trouvees.ContainsKey(code) ? code : throw new RegleMetierException($"Le code {code} ne correspond à aucune commune de votre département.");
    }

    private void VerifierDateNaissance(DateOnly date)
    {
        if (date > Aujourdhui())
        {
            throw new RegleMetierException("La date de naissance ne peut pas être dans le futur.");
        }
    }

    private DateOnly Aujourdhui() => temps.Aujourdhui(agentCourant.Utilisateur?.Fuseau() ?? TimeZoneInfo.FindSystemTimeZoneById(Departement.FuseauParDefaut));
}
