using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Parametres;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.ATraiter;

/// <summary>Contracts submitted for validation, for the Responsable who sees the person.</summary>
public sealed class ContratsAValider(PasserelleDbContext db, PerimetreDossiers perimetre) : ISectionATraiter
{
    public int Ordre => 100;

    public bool Concerne(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.Responsable);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var contrats = db.ContratsEngagement.Where(c => c.Etat == EtatContrat.Soumis && visibles.Any(b => b.Id == c.BeneficiaireId));
        var nombre = await contrats.CountAsync(cancellationToken);
        var elements = await contrats
            .OrderBy(c => c.DateSoumission).ThenBy(c => c.Id)
            .Take(SectionsATraiter.ElementsAffiches)
            .Select(c => new
            {
                c.Id, c.BeneficiaireId, c.DateSoumission, c.Debut, c.Fin,
                Personne = db.Beneficiaires.Where(b => b.Id == c.BeneficiaireId).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).First(),
                Auteur = db.Users.Where(a => a.Id == c.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new SectionATraiter(
            "contrats", "Contrats à valider", "Les contrats d'engagement soumis par les référents, à valider ou à renvoyer en brouillon.", nombre,
            elements.Select(e => new ElementATraiter(
                e.Personne, $"/beneficiaires/{e.BeneficiaireId}/contrats/{e.Id}",
                $"Du {Jour(e.Debut)} au {Jour(e.Fin)}, soumis le {(e.DateSoumission is { } d ? Jour(d) : "—")}{(e.Auteur is null ? "" : $" par {e.Auteur}")}")).ToList(),
            "Aucun contrat n'attend votre validation.");
    }

    internal static string Jour(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}

/// <summary>Réorientation requests waiting for the Responsable's answer.</summary>
public sealed class DemandesReorientationEnAttente(PasserelleDbContext db, PerimetreDossiers perimetre) : ISectionATraiter
{
    public int Ordre => 200;

    public bool Concerne(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.Responsable);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var demandes = db.DemandesReorientation.Where(d => d.Statut == StatutDemandeReorientation.EnAttente && visibles.Any(b => b.Id == d.BeneficiaireId));
        var nombre = await demandes.CountAsync(cancellationToken);
        var elements = await demandes
            .OrderBy(d => d.DateDemande).ThenBy(d => d.Id)
            .Take(SectionsATraiter.ElementsAffiches)
            .Select(d => new
            {
                d.Id, d.DateDemande, d.ParcoursSouhaite,
                Personne = db.Beneficiaires.Where(b => b.Id == d.BeneficiaireId).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).First(),
                Auteur = db.Users.Where(a => a.Id == d.DemandeeParId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new SectionATraiter(
            "reorientations", "Demandes de réorientation", "Les demandes des référents qui attendent votre réponse.", nombre,
            elements.Select(e => new ElementATraiter(
                e.Personne, $"/orientation/reorientations/{e.Id}",
                $"Parcours {e.ParcoursSouhaite.Libelle().ToLower(CultureInfo.CurrentCulture)} demandé le {ContratsAValider.Jour(e.DateDemande)}{(e.Auteur is null ? "" : $" par {e.Auteur}")}")).ToList(),
            "Aucune demande de réorientation n'attend de réponse.");
    }
}

/// <summary>
/// The agent's own rendez-vous whose time has passed and whose outcome is not recorded yet: for an operator, the
/// entretiens of the prescriptions he still sees, recorded on the prescription's page.
/// </summary>
public sealed class RendezVousAEnregistrer(PasserelleDbContext db, PerimetreDossiers perimetre) : ISectionATraiter
{
    public int Ordre => 300;

    public bool Concerne(ClaimsPrincipal utilisateur) => PerimetreDossiers.PeutOuvrirDesDossiers(utilisateur);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var prescriptions = await perimetre.PrescriptionsVisiblesOperateurAsync(cancellationToken);
        var operateur = prescriptions is not null;
        prescriptions ??= db.Prescriptions.Where(_ => false);
        var agentId = contexte.AgentId;
        var maintenant = contexte.MaintenantUtc;
        var rendezVous = db.RendezVous.Where(r => r.AgentId == agentId && r.Statut == StatutRendezVous.Prevu && r.Debut < maintenant
            && (visibles.Any(b => b.Id == r.BeneficiaireId) || (r.PrescriptionId != null && prescriptions.Any(p => p.Id == r.PrescriptionId))));
        var nombre = await rendezVous.CountAsync(cancellationToken);
        var elements = await rendezVous
            .OrderBy(r => r.Debut).ThenBy(r => r.Id)
            .Take(SectionsATraiter.ElementsAffiches)
            .Select(r => new
            {
                r.Id, r.BeneficiaireId, r.Debut, r.Objet, r.PrescriptionId,
                Personne = db.Beneficiaires.Where(b => b.Id == r.BeneficiaireId).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).First(),
            })
            .ToListAsync(cancellationToken);
        return new SectionATraiter(
            "rendez-vous", "Rendez-vous à enregistrer", "Vos rendez-vous passés dont l'issue n'est pas encore saisie : honoré, non honoré ou excusé.", nombre,
            elements.Select(e => new ElementATraiter(
                e.Personne,
                operateur && e.PrescriptionId is { } prescriptionId
                    ? Prescriptions.ServicePrescriptions.UrlOperateur(prescriptionId) + "#titre-entretiens"
                    : $"/beneficiaires/{e.BeneficiaireId}/rendez-vous/{e.Id}/issue",
                $"{e.Debut.EnHeureLocale(contexte.Fuseau).ToString("dddd d MMMM yyyy 'à' HH:mm", CultureInfo.CurrentCulture)} — {e.Objet}")).ToList(),
            "Tous vos rendez-vous passés sont enregistrés.");
    }
}

/// <summary>People to orient whose deadline falls within the week, for the agents of orientation (the whole département).</summary>
public sealed class OrientationsAEcheance(PasserelleDbContext db, PerimetreDossiers perimetre) : ISectionATraiter
{
    public int Ordre => 400;

    public bool Concerne(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.AgentOrientation);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var periodes = await EcheancesDatees.PeriodesAsync(db, ClesParametres.DelaiOrientation, cancellationToken: cancellationToken);
        // The stored waiting state (SuiviCourant) and its deadline, judged in SQL over the people waiting only.
        var echeance = EcheancesDatees.Echeance<Beneficiaire>(b => b.AttenteOrientationDepuis, periodes, TypeValeur.Semaines);
        var debut = contexte.Aujourdhui;
        var fin = debut.AddDays(SectionsATraiter.JoursEcheanceProche);
        var personnes = visibles.Where(b => b.AttenteOrientationDepuis != null)
            .Where(EcheancesDatees.AvecEcheance((Beneficiaire b, DateOnly? e) => e >= debut && e <= fin, echeance));
        var nombre = await personnes.CountAsync(cancellationToken);
        var elements = await personnes.OrderBy(echeance).ThenBy(b => b.Id).Take(SectionsATraiter.ElementsAffiches)
            .Select(EcheancesDatees.AvecEcheance((Beneficiaire b, DateOnly? e) => new { b.Id, Nom = b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance), Echeance = e }, echeance))
            .ToListAsync(cancellationToken);
        return new SectionATraiter(
            "orientations", "Orientations à décider cette semaine", $"Les personnes soumises aux droits et devoirs dont le délai d'orientation expire dans les {SectionsATraiter.JoursEcheanceProche} jours.", nombre,
            elements.Select(e => new ElementATraiter(e.Nom, $"/beneficiaires/{e.Id}/orientation", $"À orienter au plus tard le {ContratsAValider.Jour(e.Echeance!.Value)}", e.Echeance)).ToList(),
            "Aucun délai d'orientation n'expire cette semaine.");
    }
}

/// <summary>
/// The référent's people (his own and those he covers today) whose contract is due within the week: oriented,
/// notified, and no contract signed since the decision.
/// </summary>
public sealed class ContratsAEcheance(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceParametres parametres) : ISectionATraiter
{
    public int Ordre => 500;

    public bool Concerne(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.Referent);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var periodes = await EcheancesDatees.PeriodesAsync(db, ClesParametres.DelaiContrat, cancellationToken: cancellationToken);
        var transitoire = (await parametres.ValeurAuAsync(ClesParametres.DateTransitoireContrat, contexte.Aujourdhui, cancellationToken: cancellationToken))?.ValeurDate;
        var echeanceContrat = EcheancesDatees.EcheanceContrat<DecisionOrientation>(o => o.DateNotification, periodes, transitoire);
        var debut = contexte.Aujourdhui;
        var fin = debut.AddDays(SectionsATraiter.JoursEcheanceProche);
        var personnes = (await perimetre.SuivisAujourdhuiAsync(visibles, cancellationToken))
            .Where(b => !b.Clos)
            .Select(b => new
            {
                b.Id,
                Nom = b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance),
                Decision = db.DecisionsOrientation.Where(o => o.BeneficiaireId == b.Id && o.Fin == null).OrderByDescending(o => o.DateDecision)
                    .Select(o => (DateOnly?)o.DateDecision).FirstOrDefault(),
                Echeance = db.DecisionsOrientation.Where(o => o.BeneficiaireId == b.Id && o.Fin == null).OrderByDescending(o => o.DateDecision)
                    .Select(echeanceContrat).FirstOrDefault(),
            })
            .Where(p => p.Echeance >= debut && p.Echeance <= fin
                && !db.ContratsEngagement.Any(c => c.BeneficiaireId == p.Id && (c.Etat == EtatContrat.Signe || c.Etat == EtatContrat.Clos)
                    && c.DateSignature >= p.Decision));
        var nombre = await personnes.CountAsync(cancellationToken);
        var elements = await personnes.OrderBy(p => p.Echeance).ThenBy(p => p.Id).Take(SectionsATraiter.ElementsAffiches).ToListAsync(cancellationToken);
        return new SectionATraiter(
            "contrats-echeance", "Contrats à signer cette semaine", $"Les personnes de votre portefeuille dont le contrat d'engagement est dû dans les {SectionsATraiter.JoursEcheanceProche} jours.", nombre,
            elements.Select(e => new ElementATraiter(e.Nom, $"/beneficiaires/{e.Id}/contrats", $"Contrat à signer au plus tard le {ContratsAValider.Jour(e.Echeance!.Value)}", e.Echeance)).ToList(),
            "Aucun contrat n'est dû cette semaine.");
    }
}
