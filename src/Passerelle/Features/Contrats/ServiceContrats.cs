using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Courriers;
using Passerelle.Features.Plateforme;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Contrats;

/// <summary>
/// What the agent may do with the contracts of one person in his scope. The référent unique and the agents of his
/// structure write them; a Responsable validates them (or sends them back); agents of orientation read.
/// </summary>
public sealed record AccesContrats(bool PeutRediger, bool PeutValider)
{
    public bool Autorise(ActionContrat action) => action is ActionContrat.Valider or ActionContrat.Renvoyer ? PeutValider : PeutRediger;
}

/// <summary>The state changes of a contract after its draft, each an entity method.</summary>
public enum ActionContrat
{
    Soumettre,
    Renvoyer,
    Valider,
    Signer,
    Cloturer,
}

/// <summary>The agent may not do this here: 404 when the person or the contract is not his to see, 403 when his role does not allow the action.</summary>
public sealed class AccesContratRefuseException(bool introuvable)
    : Exception(introuvable ? "Ce contrat n'existe pas ou n'est pas dans votre périmètre." : "Votre rôle ne permet pas cette action sur le contrat.")
{
    public bool Introuvable { get; } = introuvable;
}

/// <summary>A value of one of the département's lists.</summary>
public sealed record ValeurListe(string Code, string Libelle, bool Actif);

/// <summary>A contract as typed in the draft, edit and renewal forms and the API.</summary>
public sealed record SaisieContrat(
    DateOnly Debut, DateOnly Fin, int? Heures, string? MotifReduction, DateOnly? ReductionDu, DateOnly? ReductionAu,
    string? Objectifs, IReadOnlyList<string> Freins, string? Actions)
{
    public HeuresActivite HeuresActivite => new(Heures, string.IsNullOrWhiteSpace(MotifReduction) ? null : MotifReduction.Trim(), ReductionDu, ReductionAu);

    public ContenuContrat Contenu => new(Objectifs ?? "", Freins, Actions);
}

/// <summary>A contract signed at France Travail, Cap emploi or a Mission locale, as recorded here.</summary>
public sealed record SaisieExterieur(
    string? Organisme, DateOnly Debut, DateOnly Fin, DateOnly Signature, int? Heures, string? MotifReduction, DateOnly? ReductionDu, DateOnly? ReductionAu)
{
    public HeuresActivite HeuresActivite => new(Heures, string.IsNullOrWhiteSpace(MotifReduction) ? null : MotifReduction.Trim(), ReductionDu, ReductionAu);
}

/// <summary>One contract with everything the pages, the letter and the API show: labels resolved, names read.</summary>
public sealed class FicheContrat
{
    public required ContratEngagement Contrat { get; init; }
    public required string Prenoms { get; init; }
    public required string Nom { get; init; }
    public DateOnly DateNaissance { get; init; }
    public string? Auteur { get; init; }
    public string? Validateur { get; init; }
    public string? Referent { get; init; }
    public string? StructureReferent { get; init; }
    public DecisionOrientation? Orientation { get; init; }
    public IReadOnlyList<ValeurListe> Freins { get; init; } = [];
    public string? LibelleMotif { get; init; }

    public EtatContrat EtatAu(DateOnly jour) => Contrat.EtatAu(jour);

    public string NomComplet => $"{Prenoms} {Nom}";

    /// <summary>"15 heures par semaine", or the reduction with its reason and dates.</summary>
    public string Heures
    {
        get
        {
            var c = Contrat;
            var heures = c.HeuresHebdomadaires is { } h ? $"{h} heure{(h > 1 ? "s" : "")} par semaine" : "Aucune heure d'activité fixée";
            if (c.MotifReductionHeures is null)
            {
                return heures;
            }

            var periode = c.ReductionDu is { } du && c.ReductionAu is { } au ? $", du {du:dd/MM/yyyy} au {au:dd/MM/yyyy}" : "";
            return $"{heures} — motif : {LibelleMotif ?? c.MotifReductionHeures}{periode}";
        }
    }
}

/// <summary>A contract in the list of a person's contracts.</summary>
public sealed record LigneContrat(
    Guid Id, EtatContrat Etat, DateOnly Debut, DateOnly Fin, int? Heures, bool Reduites, bool Externe, string? Organisme,
    Guid? ContratPrecedentId, DateOnly? DateSignature, int Version)
{
    public bool EnPreparation => Etat is EtatContrat.Brouillon or EtatContrat.Soumis or EtatContrat.Valide;
}

/// <summary>Everything the contracts page and the dossier section show.</summary>
public sealed record VueContrats(Guid BeneficiaireId, string NomComplet, bool DossierClos, SituationContrat Situation, IReadOnlyList<LigneContrat> Contrats, AccesContrats Acces)
{
    /// <summary>The contract to look at first: one in preparation, else one running today, else the latest.</summary>
    public LigneContrat? Actuel =>
        Contrats.FirstOrDefault(c => c.EnPreparation)
        ?? Contrats.FirstOrDefault(c => c.Etat == EtatContrat.EnCours)
        ?? (Contrats.Count > 0 ? Contrats[0] : null);

    public bool UnContratEnPreparation => Contrats.Any(c => c.EnPreparation);
}

/// <summary>
/// The contrats d'engagement of a person: drafts, their transitions, renewals and external contracts. Every
/// write checks the scope (<see cref="PerimetreDossiers"/>) and the role, applies the entity's transition (which
/// refuses what the state does not allow), journals it under the person, and saves once.
/// </summary>
public sealed class ServiceContrats(
    PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant, Journal journal, ServiceCourriers courriers, TimeProvider temps)
{
    private readonly Dictionary<Guid, AccesContrats?> _acces = [];

    /// <summary>Null when the person is not in the agent's scope (404).</summary>
    public async Task<AccesContrats?> AccesAsync(Guid beneficiaireId, CancellationToken cancellationToken = default)
    {
        if (_acces.TryGetValue(beneficiaireId, out var connu))
        {
            return connu;
        }

        AccesContrats? acces = null;
        if (await perimetre.PorteeAsync(beneficiaireId, cancellationToken) == Portee.Complete)
        {
            var utilisateur = agentCourant.Utilisateur;
            var agentId = agentCourant.Id;
            var redacteur = false;
            if (utilisateur?.EstDans(Role.Referent) == true)
            {
                // The person's référent, or an agent of the structure that holds the designation.
                var structureId = await perimetre.StructureAgentAsync(cancellationToken);
                redacteur = await db.ReferentsUniques.AnyAsync(r => r.BeneficiaireId == beneficiaireId && r.Fin == null
                    && (r.AgentId == agentId || (structureId != null && r.StructureId == structureId)), cancellationToken);
            }

            acces = new AccesContrats(redacteur, utilisateur?.EstDans(Role.Responsable) == true);
        }

        _acces[beneficiaireId] = acces;
        return acces;
    }

    /// <param name="dossier">What the dossier page has already read of the person (name, closure), not read again.</param>
    public async Task<VueContrats> LireAsync(Guid beneficiaireId, DateOnly aujourdhui, VueDossier? dossier = null, CancellationToken cancellationToken = default)
    {
        var acces = await AccesAsync(beneficiaireId, cancellationToken) ?? throw new AccesContratRefuseException(introuvable: true);
        var personne = dossier is not null
            ? new { dossier.Prenoms, dossier.Nom, dossier.Clos }
            : await db.Beneficiaires.AsNoTracking().Where(b => b.Id == beneficiaireId)
                .Select(b => new { b.Prenoms, Nom = b.NomUsage ?? b.NomNaissance, b.Clos })
                .SingleAsync(cancellationToken);
        var contrats = await db.ContratsEngagement.AsNoTracking().Where(c => c.BeneficiaireId == beneficiaireId)
            .OrderByDescending(c => c.Debut).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        var situation = await EcheancesContrats.SituationAsync(db, beneficiaireId, aujourdhui, cancellationToken);
        var lignes = contrats
            .Select(c => new LigneContrat(c.Id, c.EtatAu(aujourdhui), c.Debut, c.Fin, c.HeuresHebdomadaires, c.MotifReductionHeures is not null,
                c.Externe, c.OrganismeExterne, c.ContratPrecedentId, c.DateSignature, c.Version))
            .ToList();
        return new VueContrats(beneficiaireId, $"{personne.Prenoms} {personne.Nom}", personne.Clos, situation, lignes, acces);
    }

    /// <summary>One contract of the person, with its labels; null when the id names no contract of this person.</summary>
    public async Task<FicheContrat?> FicheAsync(Guid beneficiaireId, Guid contratId, CancellationToken cancellationToken = default)
    {
        var contrat = await db.ContratsEngagement.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contratId && c.BeneficiaireId == beneficiaireId, cancellationToken);
        return contrat is null ? null : await FicheAsync(contrat, cancellationToken);
    }

    /// <summary>The active themes of barriers of the département, in the list's order.</summary>
    public Task<List<ValeurListe>> ThemesAsync(CancellationToken cancellationToken = default) => ListeAsync(ParametrageInitial.Listes.ThemesFreins, cancellationToken);

    public Task<List<ValeurListe>> MotifsReductionAsync(CancellationToken cancellationToken = default) => ListeAsync(ParametrageInitial.Listes.MotifsReductionHeures, cancellationToken);

    /// <summary>The themes rated important or bloquant at the latest evaluation of each: the barriers a new contract addresses first.</summary>
    public async Task<List<string>> FreinsDuDiagnosticAsync(Guid beneficiaireId, CancellationToken cancellationToken = default)
    {
        var evaluations = await db.EvaluationsFreins.AsNoTracking().Where(e => e.BeneficiaireId == beneficiaireId)
            .Select(e => new { e.Theme, e.Date, e.InstantSaisie, e.Niveau })
            .ToListAsync(cancellationToken);
        return evaluations
            .GroupBy(e => e.Theme, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(e => e.Date).ThenByDescending(e => e.InstantSaisie).First())
            .Where(e => e.Niveau is NiveauFrein.Important or NiveauFrein.Bloquant)
            .Select(e => e.Theme)
            .ToList();
    }

    /// <summary>The weekly hours of the setting valid on the first day of the contract.</summary>
    public async Task<int> HeuresParDefautAsync(DateOnly debut, CancellationToken cancellationToken = default)
    {
        var parametre = await db.ParametresDates.AsNoTracking()
            .Where(p => p.Cle == ClesParametres.HeuresActivite && p.Portee == ParametreDate.PorteeDepartement
                && p.ValideDu <= debut && (p.ValideAu == null || p.ValideAu >= debut))
            .SingleOrDefaultAsync(cancellationToken);
        return parametre is null
            ? throw new RegleMetierException($"Aucune durée d'activité hebdomadaire n'est paramétrée au {debut:dd/MM/yyyy} : demandez à l'administrateur de la renseigner.")
            : (int)parametre.ValeurNumerique;
    }

    /// <summary>A new draft, linked to the orientation in force and signed by its author.</summary>
    public async Task<ContratEngagement> RedigerAsync(Guid beneficiaireId, SaisieContrat saisie, CancellationToken cancellationToken = default)
    {
        await ExigerAsync(beneficiaireId, a => a.PeutRediger, cancellationToken);
        await VerifierAucunEnPreparationAsync(beneficiaireId, cancellationToken);
        await VerifierSaisieAsync(saisie, null, cancellationToken);
        var contrat = ContratEngagement.Brouillon(
            db.DepartementCourant.IdObligatoire, beneficiaireId, saisie.Debut, saisie.Fin, saisie.HeuresActivite,
            await HeuresParDefautAsync(saisie.Debut, cancellationToken), contenu: saisie.Contenu,
            orientationId: await OrientationEnVigueurAsync(beneficiaireId, cancellationToken), agentId: agentCourant.Id);
        db.ContratsEngagement.Add(contrat);
        await EnregistrerAsync(contrat, ActionJournal.Creation, cancellationToken);
        return contrat;
    }

    public async Task ModifierAsync(Guid beneficiaireId, Guid contratId, int version, SaisieContrat saisie, CancellationToken cancellationToken = default)
    {
        var contrat = await ChargerAsync(beneficiaireId, contratId, version, null, cancellationToken);
        await VerifierSaisieAsync(saisie, contrat, cancellationToken);
        contrat.Modifier(saisie.Debut, saisie.Fin, saisie.HeuresActivite, await HeuresParDefautAsync(saisie.Debut, cancellationToken), saisie.Contenu);
        await EnregistrerAsync(contrat, ActionJournal.Modification, cancellationToken);
    }

    /// <summary>
    /// Submits, sends back, validates, records the signature or closes. The signature also keeps the contract's
    /// PDF in the dossier, in the same save.
    /// </summary>
    /// <param name="date">The signature or closing date (today when not given); submission and validation are dated today.</param>
    public async Task<ContratEngagement> ExecuterAsync(
        Guid beneficiaireId, Guid contratId, int version, ActionContrat action, DateOnly? date, string? bilan, CancellationToken cancellationToken = default)
    {
        var contrat = await ChargerAsync(beneficiaireId, contratId, version, action, cancellationToken);
        var aujourdhui = await AujourdhuiAsync(cancellationToken);
        var jour = date ?? aujourdhui;
        if (jour > aujourdhui)
        {
            throw new RegleMetierException(action == ActionContrat.Signer
                ? "La date de signature ne peut pas être dans le futur."
                : "La date ne peut pas être dans le futur.");
        }

        switch (action)
        {
            case ActionContrat.Soumettre:
                contrat.Soumettre(aujourdhui);
                break;
            case ActionContrat.Renvoyer:
                contrat.RenvoyerEnBrouillon();
                break;
            case ActionContrat.Valider:
                contrat.Valider(aujourdhui, agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté."));
                break;
            case ActionContrat.Signer:
                contrat.Signer(jour);
                var fiche = await FicheAsync(contrat, cancellationToken);
                await courriers.EmettreAsync(beneficiaireId, TypeCourrier.Contrat, contrat.Id, LettreContrat.Objet, jour, pdf => LettreContrat.Corps(pdf, fiche), cancellationToken);
                break;
            case ActionContrat.Cloturer:
                if (bilan?.Trim().Length > ContratEngagement.LongueurTexte)
                {
                    throw new RegleMetierException($"Le bilan tient en {ContratEngagement.LongueurTexte} caractères.");
                }

                contrat.Cloturer(jour, bilan);
                break;
            default:
                throw new RegleMetierException("Cette action n'existe pas.");
        }

        await EnregistrerAsync(contrat, ActionJournal.Modification, cancellationToken);
        return contrat;
    }

    /// <summary>The next contract: a draft linked to the signed or closed one, with its content carried over.</summary>
    public async Task<ContratEngagement> RenouvelerAsync(Guid beneficiaireId, Guid contratId, SaisieContrat saisie, CancellationToken cancellationToken = default)
    {
        await ExigerAsync(beneficiaireId, a => a.PeutRediger, cancellationToken);
        var precedent = await db.ContratsEngagement.SingleOrDefaultAsync(c => c.Id == contratId && c.BeneficiaireId == beneficiaireId, cancellationToken)
            ?? throw new AccesContratRefuseException(introuvable: true);
        await VerifierAucunEnPreparationAsync(beneficiaireId, cancellationToken);
        await VerifierSaisieAsync(saisie, precedent, cancellationToken);
        var heuresParDefaut = await HeuresParDefautAsync(saisie.Debut, cancellationToken);
        var contrat = precedent.Renouveler(
            saisie.Debut, saisie.Fin, saisie.HeuresActivite, heuresParDefaut,
            await OrientationEnVigueurAsync(beneficiaireId, cancellationToken), agentCourant.Id, saisie.Contenu);
        db.ContratsEngagement.Add(contrat);
        await EnregistrerAsync(contrat, ActionJournal.Creation, cancellationToken);
        return contrat;
    }

    /// <summary>A contract signed at France Travail, Cap emploi or a Mission locale: recorded signed, so that lists and figures stay whole.</summary>
    public async Task<ContratEngagement> EnregistrerExterieurAsync(Guid beneficiaireId, SaisieExterieur saisie, CancellationToken cancellationToken = default)
    {
        await ExigerAsync(beneficiaireId, a => a.PeutRediger, cancellationToken);
        if (saisie.Signature > await AujourdhuiAsync(cancellationToken))
        {
            throw new RegleMetierException("La date de signature ne peut pas être dans le futur.");
        }

        if (saisie.Organisme?.Trim().Length > 200)
        {
            throw new RegleMetierException("Le nom de l'organisme tient en 200 caractères.");
        }

        await VerifierMotifAsync(saisie.MotifReduction, null, cancellationToken);
        var contrat = ContratEngagement.Exterieur(
            db.DepartementCourant.IdObligatoire, beneficiaireId, saisie.Organisme ?? "", saisie.Debut, saisie.Fin, saisie.Signature,
            saisie.HeuresActivite, await HeuresParDefautAsync(saisie.Debut, cancellationToken),
            await OrientationEnVigueurAsync(beneficiaireId, cancellationToken), agentCourant.Id);
        db.ContratsEngagement.Add(contrat);
        await EnregistrerAsync(contrat, ActionJournal.Creation, cancellationToken);
        return contrat;
    }

    /// <summary>The printable contract as a PDF on the département's letterhead, dated the day of signature (today before it).</summary>
    public async Task<byte[]> PdfAsync(FicheContrat fiche, CancellationToken cancellationToken = default)
    {
        var modele = await courriers.ModeleAsync(cancellationToken);
        var destinataire = await courriers.DestinataireAsync(fiche.Contrat.BeneficiaireId, cancellationToken);
        var date = fiche.Contrat.DateSignature ?? await AujourdhuiAsync(cancellationToken);
        return ServiceCourriers.Generer(modele, destinataire, LettreContrat.Objet, date, pdf => LettreContrat.Corps(pdf, fiche));
    }

    public Task<ModeleCourrier> ModeleAsync(CancellationToken cancellationToken = default) => courriers.ModeleAsync(cancellationToken);

    /// <summary>Today in the département's time zone, as the entity's dates are judged.</summary>
    public async Task<DateOnly> AujourdhuiAsync(CancellationToken cancellationToken = default)
    {
        var departementId = db.DepartementCourantId;
        var fuseau = await db.Departements.AsNoTracking().Where(d => d.Id == departementId).Select(d => d.FuseauHoraire).SingleAsync(cancellationToken);
        return temps.Aujourdhui(TimeZoneInfo.FindSystemTimeZoneById(fuseau));
    }

    private async Task ExigerAsync(Guid beneficiaireId, Func<AccesContrats, bool> droit, CancellationToken cancellationToken)
    {
        var acces = await AccesAsync(beneficiaireId, cancellationToken) ?? throw new AccesContratRefuseException(introuvable: true);
        if (!droit(acces))
        {
            throw new AccesContratRefuseException(introuvable: false);
        }
    }

    /// <param name="action">The transition about to be applied; null for an edit of the draft.</param>
    private async Task<ContratEngagement> ChargerAsync(Guid beneficiaireId, Guid contratId, int version, ActionContrat? action, CancellationToken cancellationToken)
    {
        await ExigerAsync(beneficiaireId, a => action is { } transition ? a.Autorise(transition) : a.PeutRediger, cancellationToken);
        var contrat = await db.ContratsEngagement.SingleOrDefaultAsync(c => c.Id == contratId && c.BeneficiaireId == beneficiaireId, cancellationToken)
            ?? throw new AccesContratRefuseException(introuvable: true);
        Concurrence.VerifierVersion(contrat, version);
        db.Entry(contrat).Property(c => c.Version).OriginalValue = version;
        return contrat;
    }

    private async Task EnregistrerAsync(ContratEngagement contrat, ActionJournal action, CancellationToken cancellationToken)
    {
        journal.Ajouter(action, nameof(ContratEngagement), contrat.Id);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), contrat.BeneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<Guid?> OrientationEnVigueurAsync(Guid beneficiaireId, CancellationToken cancellationToken) =>
        db.DecisionsOrientation.Where(o => o.BeneficiaireId == beneficiaireId && o.Fin == null).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>One contract in preparation at a time: a second draft would leave the first one pending for ever.</summary>
    private async Task VerifierAucunEnPreparationAsync(Guid beneficiaireId, CancellationToken cancellationToken)
    {
        if (await db.ContratsEngagement.AnyAsync(c => c.BeneficiaireId == beneficiaireId
                && (c.Etat == EtatContrat.Brouillon || c.Etat == EtatContrat.Soumis || c.Etat == EtatContrat.Valide), cancellationToken))
        {
            throw new RegleMetierException("Un contrat est déjà en préparation (brouillon, soumis ou validé) : menez-le jusqu'à la signature avant d'en rédiger un autre.");
        }
    }

    /// <summary>The barriers and the reason must come from the département's lists; a code already on the contract stays accepted.</summary>
    private async Task VerifierSaisieAsync(SaisieContrat saisie, ContratEngagement? existant, CancellationToken cancellationToken)
    {
        var themes = await ThemesAsync(cancellationToken);
        var acceptes = themes.Where(t => t.Actif).Select(t => t.Code).Concat(existant?.CodesFreinsVises ?? []).ToHashSet(StringComparer.Ordinal);
        if (saisie.Freins.FirstOrDefault(f => !acceptes.Contains(f)) is { } inconnu)
        {
            var libelle = themes.FirstOrDefault(t => t.Code == inconnu)?.Libelle;
            throw new RegleMetierException(libelle is null
                ? "Choisissez les freins dans la liste des thèmes de votre département."
                : $"Le thème « {libelle} » n'est plus proposé par votre département.");
        }

        await VerifierMotifAsync(saisie.MotifReduction, existant?.MotifReductionHeures, cancellationToken);
    }

    private async Task VerifierMotifAsync(string? motif, string? motifExistant, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(motif))
        {
            return;
        }

        var motifs = await MotifsReductionAsync(cancellationToken);
        if (!motifs.Any(m => m.Code == motif.Trim() && (m.Actif || m.Code == motifExistant)))
        {
            throw new RegleMetierException("Choisissez le motif de réduction des heures dans la liste de votre département.");
        }
    }

    private async Task<FicheContrat> FicheAsync(ContratEngagement contrat, CancellationToken cancellationToken)
    {
        var personne = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == contrat.BeneficiaireId)
            .Select(b => new { b.Prenoms, Nom = b.NomUsage ?? b.NomNaissance, b.DateNaissance })
            .SingleAsync(cancellationToken);
        var agents = new[] { contrat.AgentId, contrat.ValidePar }.Where(a => a is not null).Select(a => a!.Value).ToList();
        var noms = await db.Users.AsNoTracking().Where(a => agents.Contains(a.Id))
            .Select(a => new { a.Id, Nom = a.Prenom + " " + a.Nom }).ToDictionaryAsync(a => a.Id, a => a.Nom, cancellationToken);
        var referent = await db.ReferentsUniques.AsNoTracking()
            .Where(r => r.BeneficiaireId == contrat.BeneficiaireId && r.Fin == null)
            .Select(r => new
            {
                Nom = r.AgentId != null ? db.Users.Where(a => a.Id == r.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() : r.NomExterne,
                Structure = r.StructureId != null ? db.Structures.Where(s => s.Id == r.StructureId).Select(s => s.Nom).FirstOrDefault() : r.StructureExterne,
            })
            .FirstOrDefaultAsync(cancellationToken);
        var orientation = contrat.OrientationId is { } orientationId
            ? await db.DecisionsOrientation.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orientationId, cancellationToken)
            : null;
        var themes = await ThemesAsync(cancellationToken);
        var libelles = themes.ToDictionary(t => t.Code, t => t.Libelle, StringComparer.Ordinal);
        var motif = contrat.MotifReductionHeures is { } code
            ? (await MotifsReductionAsync(cancellationToken)).FirstOrDefault(m => m.Code == code)?.Libelle
            : null;
        return new FicheContrat
        {
            Contrat = contrat,
            Prenoms = personne.Prenoms,
            Nom = personne.Nom,
            DateNaissance = personne.DateNaissance,
            Auteur = contrat.AgentId is { } auteur ? noms.GetValueOrDefault(auteur) : null,
            Validateur = contrat.ValidePar is { } validateur ? noms.GetValueOrDefault(validateur) : null,
            Referent = referent?.Nom,
            StructureReferent = referent?.Structure,
            Orientation = orientation,
            Freins = contrat.CodesFreinsVises.Select(c => new ValeurListe(c, libelles.GetValueOrDefault(c, c), true)).ToList(),
            LibelleMotif = motif,
        };
    }

    /// <summary>The whole list, inactive values included (they keep their label on old contracts).</summary>
    private Task<List<ValeurListe>> ListeAsync(string liste, CancellationToken cancellationToken) =>
        db.ValeursReference.AsNoTracking()
            .Where(v => v.Liste == liste)
            .OrderBy(v => v.Ordre).ThenBy(v => v.Code)
            .Select(v => new ValeurListe(v.Code, v.Libelle, v.Actif))
            .ToListAsync(cancellationToken);
}
