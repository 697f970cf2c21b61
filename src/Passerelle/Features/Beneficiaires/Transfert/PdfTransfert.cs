using System.Globalization;
using Passerelle.Domain;
using Passerelle.Infrastructure.Pdf;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires.Transfert;

/// <summary>The transfer export as a document to read: the same content as the JSON, in French.</summary>
public static class PdfTransfert
{
    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Generer(DossierTransfert dossier, TimeZoneInfo fuseau)
    {
        var origine = $"{dossier.DepartementOrigine.Nom} ({dossier.DepartementOrigine.Code})";
        var p = dossier.Personne;
        var pdf = new DocumentPdf("Transfert de dossier") { PiedDePage = $"Transfert de dossier – Département d'origine : {origine}" }
            .Entete($"Département d'origine : {origine}")
            .Entete($"Édité le {Instant(dossier.GenereLe, fuseau)}")
            .Entete($"Même contenu que l'export JSON ({dossier.Format}, version {dossier.Version}). Historiques du plus ancien au plus récent.");

        pdf.Section("Identité")
            .Ligne("Nom de naissance", p.NomNaissance)
            .Ligne("Nom d'usage", p.NomUsage)
            .Ligne("Prénoms", p.Prenoms)
            .Ligne("Date de naissance", Date(p.DateNaissance))
            .Ligne("Sexe", p.Sexe.Libelle())
            .Ligne("NIR", p.Nir is null ? null : Nir(p.Nir) + (p.NirTemporaire ? " (numéro provisoire)" : ""))
            .Ligne("Dispositifs", string.Join(", ", p.Dispositifs.Select(d => d.Libelle())))
            .Ligne("Téléphone", p.Telephone)
            .Ligne("Courriel", p.Courriel)
            .Ligne("Adresse", p.Adresse)
            .Ligne("Commune", Commune(p.Commune))
            .Ligne("État du dossier", p.Clos ? "Clos" : "Ouvert");

        pdf.Section("Foyer");
        if (dossier.Foyer is { } foyer)
        {
            pdf.Ligne("Adresse", foyer.Adresse)
                .Ligne("Commune", Commune(foyer.Commune))
                .Ligne("Quartier prioritaire", foyer.Qpv)
                .Ligne("Composition", foyer.Composition?.Libelle())
                .Ligne("Nombre d'enfants", foyer.NombreEnfants?.ToString(Francais))
                .Ligne("Organisme payeur", foyer.OrganismePayeur?.Libelle())
                .Ligne("Matricule", foyer.Matricule);
        }
        else
        {
            pdf.Paragraphe("Aucun foyer renseigné.");
        }

        pdf.Section("Droits au RSA");
        Liste(pdf, dossier.DroitsRsa, "Aucun droit au RSA enregistré.", d => (
            $"À compter du {Date(d.DateEffet)}",
            Joindre(
                d.Etat.Libelle(),
                d.OrganismePayeur.Libelle(),
                d.SoumisDroitsEtDevoirs ? "soumis aux droits et devoirs" : "non soumis aux droits et devoirs",
                d.DateReceptionInformation is { } r ? $"information reçue le {Date(r)}" : null)));

        pdf.Section("Référents uniques");
        Liste(pdf, dossier.Referents, "Aucun référent unique désigné.", r => (
            r.Fin is { } fin ? $"Du {Date(r.Debut)} au {Date(fin)}" : $"Depuis le {Date(r.Debut)}",
            Joindre(r.Nom, r.Structure)));

        pdf.Section("Diagnostic des freins");
        Liste(pdf, dossier.EvaluationsFreins, "Aucune évaluation des freins.", e => (
            $"{Date(e.Date)} – {e.ThemeLibelle}",
            Joindre(e.Niveau.Libelle(), e.Commentaire)));

        pdf.Section("Notes de suivi");
        if (dossier.Notes.Count == 0)
        {
            pdf.Paragraphe("Aucune note de suivi.");
        }

        foreach (var note in dossier.Notes)
        {
            pdf.SousSection(Joindre(Instant(note.Instant, fuseau), note.Auteur)).Paragraphe(note.Texte);
        }

        pdf.Section("Clôtures du dossier");
        Liste(pdf, dossier.Clotures, "Le dossier n'a jamais été clos.", c => (
            $"Clos le {Date(c.Date)}",
            Joindre(c.Motif.Libelle(), c.Commentaire, c.DateReouverture is { } r ? $"rouvert le {Date(r)}" : null)));

        pdf.Section("Documents du dossier");
        pdf.Paragraphe("Les documents sont seulement listés : leurs fichiers ne sont pas joints à cet export.", discret: true);
        Liste(pdf, dossier.Documents, "Aucun document.", d => (
            d.Nom,
            $"{d.Type}, {Taille(d.Taille)}, déposé le {Instant(d.DeposeLe, fuseau)}"));

        return pdf.Generer();
    }

    private static void Liste<T>(DocumentPdf pdf, IReadOnlyList<T> elements, string siVide, Func<T, (string Libelle, string Valeur)> ligne)
    {
        if (elements.Count == 0)
        {
            pdf.Paragraphe(siVide);
        }

        foreach (var element in elements)
        {
            var (libelle, valeur) = ligne(element);
            pdf.Ligne(libelle, valeur);
        }
    }

    private static string Joindre(params string?[] parties) => string.Join(" – ", parties.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Francais);

    private static string Instant(DateTime instant, TimeZoneInfo fuseau) =>
        instant.EnHeureLocale(fuseau).ToString("dd/MM/yyyy 'à' HH:mm", Francais);

    private static string? Commune(CommuneTransfert? commune) =>
        commune is null ? null : commune.Nom is null ? commune.Code : $"{commune.Nom} ({commune.Code})";

    private static string Nir(string valeur) => Domain.Identite.Nir.TryLire(valeur, out var nir, out _) ? nir!.Groupe : valeur;

    private static string Taille(long octets) => octets switch
    {
        < 1024 => $"{octets} octets",
        < 1024 * 1024 => $"{Math.Round(octets / 1024.0, 1).ToString(Francais)} Ko",
        _ => $"{Math.Round(octets / (1024.0 * 1024.0), 1).ToString(Francais)} Mo",
    };
}
