using System.Globalization;
using System.Text.Json.Serialization;
using Passerelle.Domain;

namespace Passerelle.Features.Offre;

/// <summary>
/// An action as a data·inclusion v1 <c>service</c> (Data/Referentiels/DataInclusion/service.json): the field names
/// are the schema's, in snake_case; a field the action does not fill is null, as the schema allows.
/// </summary>
public sealed record ServiceDataInclusion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("structure_id")] string StructureId,
    [property: JsonPropertyName("nom")] string Nom,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("date_maj")] string DateMaj,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("thematiques")] IReadOnlyList<string>? Thematiques,
    [property: JsonPropertyName("publics")] IReadOnlyList<string>? Publics,
    [property: JsonPropertyName("publics_precisions")] string? PublicsPrecisions,
    [property: JsonPropertyName("modes_accueil")] IReadOnlyList<string>? ModesAccueil,
    [property: JsonPropertyName("frais")] string Frais,
    [property: JsonPropertyName("mobilisable_par")] IReadOnlyList<string> MobilisablePar,
    [property: JsonPropertyName("modes_mobilisation")] IReadOnlyList<string>? ModesMobilisation,
    [property: JsonPropertyName("mobilisation_precisions")] string MobilisationPrecisions,
    [property: JsonPropertyName("zone_eligibilite")] IReadOnlyList<string> ZoneEligibilite,
    [property: JsonPropertyName("code_insee")] string? CodeInsee,
    [property: JsonPropertyName("commune")] string? Commune,
    [property: JsonPropertyName("code_postal")] string? CodePostal,
    [property: JsonPropertyName("adresse")] string? Adresse,
    [property: JsonPropertyName("courriel")] string? Courriel,
    [property: JsonPropertyName("telephone")] string? Telephone,
    [property: JsonPropertyName("contact_nom_prenom")] string? ContactNomPrenom,
    [property: JsonPropertyName("conditions_acces")] string? ConditionsAcces,
    [property: JsonPropertyName("nombre_semaines")] int? NombreSemaines,
    [property: JsonPropertyName("lien_source")] string LienSource);

/// <summary>One page of a département's feed.</summary>
public sealed record FluxServices(
    [property: JsonPropertyName("items")] IReadOnlyList<ServiceDataInclusion> Items,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("taille")] int Taille);

public static class FluxDataInclusion
{
    /// <summary>The producer's identifier: each département publishes its own offer.</summary>
    public static string Source(string codeDepartement) => $"passerelle-cd{codeDepartement.ToLowerInvariant()}";

    /// <summary>
    /// The service of <paramref name="action"/>. <paramref name="zone"/> lists the communes served (territories
    /// included), empty for the whole département; <paramref name="lieu"/> is the commune where it takes place.
    /// </summary>
    public static ServiceDataInclusion Service(
        ActionInsertion action, string codeDepartement, IReadOnlyList<string> zone, CommuneReferentiel? lieu, DateOnly aujourdhui, string lienSource)
    {
        var prefixe = $"passerelle-{codeDepartement.ToLowerInvariant()}--";
        List<string> modesMobilisation = [];
        if (action.Courriel is not null)
        {
            modesMobilisation.Add("envoyer-un-courriel");
        }

        if (action.Telephone is not null)
        {
            modesMobilisation.Add("telephoner");
        }

        var eligibilite = DescriptionAction.Eligibilite(action);
        return new ServiceDataInclusion(
            prefixe + action.Id,
            Source(codeDepartement),
            prefixe + action.StructureId,
            action.Nom,
            action.Presentation,
            (action.MiseAJour ?? aujourdhui).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            action.TypeService,
            SinonNull(action.CodesThematiques),
            SinonNull(action.CodesPublics),
            eligibilite.Count == 0 ? null : string.Join(" ", eligibilite),
            SinonNull(action.CodesModesAccueil),
            "gratuit",
            // The offer is mobilised by a référent's prescription, never by the person alone.
            ["professionnels"],
            SinonNull(modesMobilisation),
            DescriptionAction.Prescripteurs(action),
            zone.Count == 0 ? [codeDepartement] : zone,
            lieu?.Code,
            lieu?.Nom,
            lieu?.CodePostal,
            action.Adresse,
            action.Courriel,
            action.Telephone,
            action.ContactNom,
            action.ConditionsAcces,
            DescriptionAction.NombreSemaines(action),
            lienSource);
    }

    private static IReadOnlyList<string>? SinonNull(IReadOnlyList<string> codes) => codes.Count == 0 ? null : codes;
}
