using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

public enum TypeProgramme
{
    [Display(Name = "Programme départemental d'insertion (PDI)")] Pdi,
    [Display(Name = "Pacte territorial d'insertion (PTI)")] Pti,
}

/// <summary>
/// A PDI or PTI over its period. Its axes (the seeds' "Orientation 1…6") hold the fiches-actions every action of
/// the offer belongs to; the content of fiches, their pilots and indicators come with the pilotage.
/// </summary>
public sealed class Programme : IAppartientAuDepartement, IVersionne
{
    public const int LongueurIntitule = 300;

    private Programme()
    {
    }

    public Programme(Guid departementId, TypeProgramme type, string intitule, DateOnly debut, DateOnly fin)
    {
        DepartementId = departementId;
        Type = type;
        Modifier(intitule, debut, fin);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public TypeProgramme Type { get; private set; }
    public string Intitule { get; private set; } = "";
    public DateOnly Debut { get; private set; }
    public DateOnly Fin { get; private set; }
    public int Version { get; set; }

    public void Modifier(string intitule, DateOnly debut, DateOnly fin)
    {
        Intitule = Texte.Obligatoire(intitule, LongueurIntitule, "L'intitulé du programme");
        if (fin < debut)
        {
            throw new RegleMetierException("La fin du programme suit son début.");
        }

        Debut = debut;
        Fin = fin;
    }
}

/// <summary>An axe of a programme, numbered as the document numbers it ("1", "2"…).</summary>
public sealed class Axe : IAppartientAuDepartement, IVersionne
{
    private Axe()
    {
    }

    public Axe(Guid departementId, Guid programmeId, string numero, string intitule, int ordre)
    {
        DepartementId = departementId;
        ProgrammeId = programmeId;
        Numero = Texte.Obligatoire(numero, 20, "Le numéro de l'axe");
        Intitule = Texte.Obligatoire(intitule, Programme.LongueurIntitule, "L'intitulé de l'axe");
        Ordre = ordre;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string Numero { get; private set; } = "";
    public string Intitule { get; private set; } = "";
    public int Ordre { get; private set; }
    public int Version { get; set; }
}

/// <summary>A fiche-action of an axe ("1.1", "5.3.2"…).</summary>
public sealed class FicheAction : IAppartientAuDepartement, IVersionne
{
    private FicheAction()
    {
    }

    public FicheAction(Guid departementId, Guid axeId, string numero, string intitule, int ordre)
    {
        DepartementId = departementId;
        AxeId = axeId;
        Numero = Texte.Obligatoire(numero, 20, "Le numéro de la fiche-action");
        Intitule = Texte.Obligatoire(intitule, Programme.LongueurIntitule, "L'intitulé de la fiche-action");
        Ordre = ordre;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid AxeId { get; private set; }
    public string Numero { get; private set; } = "";
    public string Intitule { get; private set; } = "";
    public int Ordre { get; private set; }
    public int Version { get; set; }
}

/// <summary>The checks every free text of the offer goes through.</summary>
public static class Texte
{
    /// <summary>Trimmed text, refused when empty or longer than <paramref name="longueur"/>; <paramref name="nom"/> starts the message.</summary>
    public static string Obligatoire(string? texte, int longueur, string nom)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            throw new RegleMetierException($"{nom} est obligatoire.");
        }

        return Facultatif(texte, longueur, nom)!;
    }

    public static string? Facultatif(string? texte, int longueur, string nom)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return null;
        }

        var nettoye = texte.Trim();
        if (nettoye.Length > longueur)
        {
            throw new RegleMetierException($"{nom} tient en {longueur} caractères.");
        }

        return nettoye;
    }

    public static string? Joindre(IEnumerable<string>? codes)
    {
        var liste = (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return liste.Count == 0 ? null : string.Join('|', liste);
    }

    public static IReadOnlyList<string> Separer(string? codes) => codes?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
