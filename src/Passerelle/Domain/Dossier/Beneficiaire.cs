using System.ComponentModel.DataAnnotations;
using Passerelle.Domain.Identite;

namespace Passerelle.Domain;

public enum Sexe
{
    [Display(Name = "Femme")] Femme,
    [Display(Name = "Homme")] Homme,
}

/// <summary>What brings a person to Passerelle; several may apply at once.</summary>
[Flags]
public enum Dispositifs
{
    Aucun = 0,
    [Display(Name = "RSA")] Rsa = 1,
    [Display(Name = "PLIE")] Plie = 2,
    [Display(Name = "Mission locale")] MissionLocale = 4,
    [Display(Name = "Autre")] Autre = 8,
}

public enum MotifCloture
{
    [Display(Name = "Fin de droit")] FinDeDroit,
    [Display(Name = "Départ du département")] DepartDepartement,
    [Display(Name = "Décès")] Deces,
    [Display(Name = "Autre motif")] Autre,
}

/// <summary>
/// A person followed by the département. Names are kept as typed and in a normalised form
/// (<see cref="Recherche"/>) that the "any part" search indexes.
/// </summary>
public sealed class Beneficiaire : IAppartientAuDepartement, IVersionne
{
    public const int LongueurNom = 100;
    public const int LongueurPrenoms = 150;

    private Beneficiaire()
    {
    }

    public Beneficiaire(Guid departementId, string nomNaissance, string? nomUsage, string prenoms, DateOnly dateNaissance, Sexe sexe, Dispositifs dispositifs)
    {
        DepartementId = departementId;
        ModifierIdentite(nomNaissance, nomUsage, prenoms, dateNaissance, sexe);
        ModifierDispositifs(dispositifs);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid? FoyerId { get; private set; }
    public string NomNaissance { get; private set; } = "";
    public string? NomUsage { get; private set; }
    public string Prenoms { get; private set; } = "";
    public DateOnly DateNaissance { get; private set; }
    public Sexe Sexe { get; private set; }
    public Dispositifs Dispositifs { get; private set; }
    public string? Telephone { get; private set; }
    public string? Courriel { get; private set; }
    public string? Adresse { get; private set; }
    public string? CommuneCode { get; private set; }

    /// <summary>Birth name, usage name and first names, normalised and without spaces, separated by spaces.</summary>
    public string Recherche { get; private set; } = "";

    /// <summary>The NIR encrypted with AES-GCM (nonce, cipher text, tag) under the key <see cref="NirCleId"/>.</summary>
    [Sensible] public byte[]? NirChiffre { get; private set; }
    [Sensible] public string? NirCleId { get; private set; }
    /// <summary>HMAC of the NIR: finds a person by number without decrypting anyone.</summary>
    [Sensible] public string? NirEmpreinte { get; private set; }
    [Sensible] public string? NirMasque { get; private set; }
    public bool NirTemporaire { get; private set; }

    public bool Clos { get; private set; }
    /// <summary>Set when this dossier was merged into another: its old address leads there.</summary>
    public Guid? FusionneDansId { get; private set; }
    public int Version { get; set; }

    // The current state of the follow-up, derived from the rights, orientations, contracts, rendez-vous and
    // designations, and stored so that lists of thousands of people read columns rather than every person's rows.
    // Only the context sets them, in the transaction that saves what they derive from (Data.SuiviCourant).

    /// <summary>
    /// While the person waits for an orientation (latest state of the right open and soumis aux droits et devoirs,
    /// dossier open, no orientation in force): the day the information was received; null otherwise.
    /// </summary>
    public DateOnly? AttenteOrientationDepuis { get; private set; }
    /// <summary>The track of the orientation in force; null without one.</summary>
    public TypeParcours? ParcoursEnVigueur { get; private set; }
    /// <summary>The joint review date of the orientation in force.</summary>
    public DateOnly? RevisionDue { get; private set; }
    /// <summary>The end of the latest contract in the signed state.</summary>
    public DateOnly? FinDernierContratSigne { get; private set; }
    /// <summary>The start of the latest rendez-vous held.</summary>
    public DateTime? DernierRendezVousHonore { get; private set; }
    /// <summary>The first day of the open designation of the référent unique.</summary>
    public DateOnly? DebutDesignation { get; private set; }
    /// <summary>The agent named by the open designation (null for an outside référent): who sees the dossier.</summary>
    public Guid? ReferentAgentId { get; private set; }
    /// <summary>The structure that holds the open designation: its agents see the dossier.</summary>
    public Guid? ReferentStructureId { get; private set; }
    /// <summary>The structure named by the orientation in force: its Responsable designates the référent.</summary>
    public Guid? OrientationStructureId { get; private set; }

    public List<ClotureDossier> Clotures { get; private set; } = [];

    public string NomAffiche => NomUsage is null ? NomNaissance : $"{NomUsage} (née ou né {NomNaissance})";

    public string NomComplet => $"{NomUsage ?? NomNaissance} {Prenoms}";

    public void ModifierIdentite(string nomNaissance, string? nomUsage, string prenoms, DateOnly dateNaissance, Sexe sexe)
    {
        nomNaissance = Nettoyer(nomNaissance) ?? throw new RegleMetierException("Le nom de naissance est obligatoire.");
        prenoms = Nettoyer(prenoms) ?? throw new RegleMetierException("Le ou les prénoms sont obligatoires.");
        nomUsage = Nettoyer(nomUsage);
        if (nomNaissance.Length > LongueurNom || nomUsage?.Length > LongueurNom)
        {
            throw new RegleMetierException($"Un nom ne dépasse pas {LongueurNom} caractères.");
        }

        if (prenoms.Length > LongueurPrenoms)
        {
            throw new RegleMetierException($"Les prénoms ne dépassent pas {LongueurPrenoms} caractères.");
        }

        if (NomsNormalises.Normaliser(nomNaissance).Length == 0 || NomsNormalises.Normaliser(prenoms).Length == 0)
        {
            throw new RegleMetierException("Le nom et les prénoms contiennent au moins une lettre.");
        }

        if (dateNaissance.Year < 1900)
        {
            throw new RegleMetierException("La date de naissance est antérieure à 1900 : vérifiez la saisie.");
        }

        NomNaissance = nomNaissance;
        NomUsage = string.Equals(nomUsage, nomNaissance, StringComparison.Ordinal) ? null : nomUsage;
        Prenoms = prenoms;
        DateNaissance = dateNaissance;
        Sexe = sexe;
        Recherche = TexteRecherche(NomNaissance, NomUsage, Prenoms);
    }

    public void ModifierDispositifs(Dispositifs dispositifs)
    {
        if (dispositifs == Dispositifs.Aucun)
        {
            throw new RegleMetierException("Indiquez au moins un dispositif (RSA, PLIE, Mission locale ou autre).");
        }

        Dispositifs = dispositifs;
    }

    public void ModifierCoordonnees(string? telephone, string? courriel, string? adresse, string? communeCode, Guid? foyerId)
    {
        courriel = Nettoyer(courriel);
        if (courriel is not null && (!courriel.Contains('@', StringComparison.Ordinal) || courriel.Length > 200))
        {
            throw new RegleMetierException("L'adresse électronique n'est pas valide.");
        }

        telephone = Nettoyer(telephone);
        if (telephone is not null && (telephone.Length > 30 || telephone.Count(char.IsAsciiDigit) < 8))
        {
            throw new RegleMetierException("Le numéro de téléphone n'est pas valide.");
        }

        Telephone = telephone;
        Courriel = courriel;
        Adresse = Nettoyer(adresse);
        CommuneCode = Nettoyer(communeCode);
        FoyerId = foyerId;
    }

    public void DefinirNir(NirProtege? nir)
    {
        NirChiffre = nir?.Chiffre;
        NirCleId = nir?.CleId;
        NirEmpreinte = nir?.Empreinte;
        NirMasque = nir?.Masque;
        NirTemporaire = nir?.Temporaire ?? false;
    }

    public ClotureDossier Cloturer(DateOnly date, MotifCloture motif, string? commentaire, Guid? agentId)
    {
        VerifierActif();
        if (Clos)
        {
            throw new RegleMetierException("Ce dossier est déjà clos.");
        }

        if (motif == MotifCloture.Autre && string.IsNullOrWhiteSpace(commentaire))
        {
            throw new RegleMetierException("Précisez le motif de la clôture.");
        }

        var cloture = new ClotureDossier(DepartementId, Id, date, motif, Nettoyer(commentaire), agentId);
        Clotures.Add(cloture);
        Clos = true;
        return cloture;
    }

    public void Rouvrir(DateOnly date, ClotureDossier derniere)
    {
        VerifierActif();
        if (!Clos)
        {
            throw new RegleMetierException("Ce dossier n'est pas clos.");
        }

        derniere.Rouvrir(date);
        Clos = false;
    }

    /// <summary>This dossier is absorbed by <paramref name="conserve"/>: its number moves there if the kept one has none.</summary>
    public void FusionnerDans(Beneficiaire conserve)
    {
        VerifierActif();
        conserve.VerifierActif();
        if (conserve.Id == Id)
        {
            throw new RegleMetierException("Choisissez deux dossiers différents.");
        }

        if (NirEmpreinte is not null && conserve.NirEmpreinte is not null && NirEmpreinte != conserve.NirEmpreinte)
        {
            throw new RegleMetierException("Les deux dossiers portent des NIR différents : ce ne sont pas la même personne.");
        }

        if (conserve.NirEmpreinte is null && NirEmpreinte is not null)
        {
            conserve.NirChiffre = NirChiffre;
            conserve.NirCleId = NirCleId;
            conserve.NirEmpreinte = NirEmpreinte;
            conserve.NirMasque = NirMasque;
            conserve.NirTemporaire = NirTemporaire;
        }

        conserve.Dispositifs |= Dispositifs;
        conserve.Telephone ??= Telephone;
        conserve.Courriel ??= Courriel;
        if (conserve.Adresse is null && Adresse is not null)
        {
            conserve.Adresse = Adresse;
            conserve.CommuneCode = CommuneCode;
        }

        conserve.FoyerId ??= FoyerId;
        DefinirNir(null);
        FusionneDansId = conserve.Id;
    }

    public static string TexteRecherche(string nomNaissance, string? nomUsage, string prenoms) =>
        string.Join(' ', new[] { nomNaissance, nomUsage, prenoms }.Select(NomsNormalises.Normaliser).Where(n => n.Length > 0));

    private void VerifierActif()
    {
        if (FusionneDansId is not null)
        {
            throw new RegleMetierException("Ce dossier a été fusionné avec un autre : ouvrez le dossier conservé.");
        }
    }

    private static string? Nettoyer(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}

/// <summary>A NIR ready to store: encrypted, its lookup hash, its masked form.</summary>
public sealed record NirProtege(byte[] Chiffre, string CleId, string Empreinte, string Masque, bool Temporaire);

/// <summary>A dated closure of a dossier, reopened or not.</summary>
public sealed class ClotureDossier : IAppartientAuDepartement
{
    private ClotureDossier()
    {
    }

    public ClotureDossier(Guid departementId, Guid beneficiaireId, DateOnly date, MotifCloture motif, string? commentaire, Guid? agentId)
    {
        DepartementId = departementId;
        BeneficiaireId = beneficiaireId;
        Date = date;
        Motif = motif;
        Commentaire = commentaire;
        AgentId = agentId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public DateOnly Date { get; private set; }
    public MotifCloture Motif { get; private set; }
    public string? Commentaire { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateOnly? DateReouverture { get; private set; }

    internal void Rouvrir(DateOnly date)
    {
        if (date < Date)
        {
            throw new RegleMetierException("La réouverture ne peut pas précéder la clôture.");
        }

        DateReouverture = date;
    }
}
