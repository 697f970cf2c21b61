using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>
/// The key pages answer with a handful of SQL statements whatever the length of their lists: a page that reads each
/// line's details one by one (N+1) grows past the limit as soon as a list holds a dozen lines. Each page is read once
/// before it is counted, so that what a first request caches (settings, referentials) does not count.
/// </summary>
public abstract class RequetesParPageTests(ApplicationDeTest app)
{
    private const int Limite = 10;
    private const int Nombre = 12;
    private const string Nom = "Aabadie";

    private static readonly ConditionalWeakTable<ApplicationDeTest, Task<Donnees>> Preparations = [];

    private sealed record Donnees(Guid Dossier);

    private ParcoursDeTest Parcours => new(app);

    private Task<Donnees> DonneesAsync() => Preparations.GetValue(app, _ => PreparerAsync());

    /// <summary>
    /// In the Cantal, a dozen people of each list: followed by referent.cantal with an orientation, contracts, held
    /// rendez-vous and prescriptions to operateur.cantal; as many waiting for their orientation; a dozen published actions.
    /// </summary>
    private async Task<Donnees> PreparerAsync()
    {
        var parcours = Parcours;
        var offre = new OffreDeTest(app);
        var aujourdhui = parcours.Aujourdhui;
        var referent = await parcours.IdAsync("referent.cantal");
        var actions = new List<Guid>();
        for (var i = 0; i < Nombre; i++)
        {
            actions.Add(await offre.ActionAsync(ParcoursDeTest.Unique("Action volumineuse "), "operateur.cantal", "15"));
        }

        var personnes = new List<Guid>();
        for (var i = 0; i < Nombre; i++)
        {
            var personne = await parcours.PersonneAsync(Nom, referent, ParcoursDeTest.Unique("Prenom"));
            personnes.Add(personne);
            await parcours.DroitAsync(personne, aujourdhui.AddDays(-200));
            // Every other one on the social track, its joint review due: the review list holds them.
            await parcours.OrienterAsync(personne, aujourdhui.AddDays(-200 + i), i % 2 == 0 ? Passerelle.Domain.TypeParcours.Social : Passerelle.Domain.TypeParcours.Emploi);
            await parcours.ContratSigneAsync(personne, aujourdhui.AddDays(-300), aujourdhui.AddDays(-100));
            await parcours.ContratSigneAsync(personne, aujourdhui.AddDays(-99), aujourdhui.AddDays(i * 10));
            await parcours.RendezVousAsync(personne, referent, aujourdhui.AddDays(-i * 7));
            await parcours.RendezVousAsync(personne, referent, aujourdhui.AddDays(-i * 7 - 30));
            await offre.PrescriptionAsync(personne, actions[i], aujourdhui.AddDays(-i), "referent.cantal", "15");
        }

        var dossier = personnes[0];
        for (var i = 1; i < Nombre; i++)
        {
            await parcours.RendezVousAsync(dossier, referent, aujourdhui.AddDays(-i * 3));
            await offre.PrescriptionAsync(dossier, actions[i], aujourdhui.AddDays(-i), "referent.cantal", "15",
                suite: (p, _, operateur) => p.Accepter(aujourdhui.AddDays(-i), operateur, null, null));
        }

        for (var i = 0; i < Nombre; i++)
        {
            var enAttente = await parcours.PersonneAsync(Nom, referent, ParcoursDeTest.Unique("Attente"));
            await parcours.DroitAsync(enAttente, aujourdhui.AddDays(-i * 20));
        }

        return new Donnees(dossier);
    }

    /// <summary>
    /// The dossier's own ceiling: its summary shows a dozen tables of the person (identity, rights, référents, diagnostic,
    /// documents, notes, orientation and requests, contracts, prescriptions, rendez-vous), each read once with its
    /// section's rules, on top of the scope, the journal line and the menu's notifications. Its full history lives on
    /// the chronologie page. A line read one by one would still add a dozen statements here and fail.
    /// </summary>
    private const int LimiteDossier = 24;

    /// <summary>The chronologie reads every table of the person once (the scope and the menu's count besides).</summary>
    private const int LimiteChronologie = 17;

    /// <summary>Each page, who reads it, and what shows its list: a page that showed no line would count nothing.</summary>
    public static TheoryData<string, string?, string, string, int, int> Pages => new()
    {
        { "Recherche par nom", "orientation.cantal", "POST /beneficiaires", "tbody tr", 2 * Nombre, Limite },
        { "Liste des personnes", "referent.cantal", "/beneficiaires?Vue=perimetre", "tbody tr", 2 * Nombre, Limite },
        { "Dossier d'une personne", "referent.cantal", "/beneficiaires/{dossier}", "#prescriptions tbody tr", Nombre, LimiteDossier },
        { "Chronologie d'une personne", "referent.cantal", "/beneficiaires/{dossier}/chronologie", "#chronologie li", 3 * Nombre, LimiteChronologie },
        { "Portefeuille du référent", "referent.cantal", "/portefeuille", "tbody tr", 2 * Nombre, Limite },
        { "Portefeuille trié par échéance", "referent.cantal", "/portefeuille?Tri=echeance", "tbody tr", 2 * Nombre, Limite },
        { "Portefeuille de la structure", "responsable.cantal", "/portefeuille", "tbody tr", 2 * Nombre, Limite },
        { "File d'orientation", "orientation.cantal", "/orientation", "tbody tr", Nombre, Limite },
        { "Examens de parcours", "orientation.cantal", "/orientation?Vue=examens", "tbody tr", Nombre / 2, Limite },
        { "Prescriptions reçues à répondre", "operateur.cantal", "/prescriptions/recues", "tbody tr", Nombre, Limite },
        { "Prescriptions reçues acceptées", "operateur.cantal", "/prescriptions/recues?Etat=acceptees", "tbody tr", Nombre - 1, Limite },
        { "Prescriptions du référent", "referent.cantal", "/prescriptions", "tbody tr", 2 * Nombre, Limite },
        { "Portail public de l'offre", null, "/offre/15", "li.carte[data-action]", Nombre, Limite },
        { "Flux des services", null, "/api/v1/offre/15/services", "", Nombre, Limite },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Une_page_cle_envoie_un_nombre_borne_de_requetes_SQL_quelle_que_soit_la_longueur_de_ses_listes(
        string page, string? identifiant, string adresse, string lignes, int minimum, int limite)
    {
        var donnees = await DonneesAsync();
        using var client = app.Factory.Client();
        if (identifiant is not null)
        {
            (await client.ConnecterAsync(identifiant)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var url = adresse.Replace("{dossier}", donnees.Dossier.ToString(), StringComparison.Ordinal);
        var (reponse, commandes) = url.StartsWith("POST ", StringComparison.Ordinal)
            ? await RechercherAsync(client, url["POST ".Length..])
            : await LireAsync(client, url);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        TestContext.Current.TestOutputHelper?.WriteLine($"{page} : {commandes.Count} requêtes");
        commandes.Count.ShouldBeLessThanOrEqualTo(limite, $"{page} : {commandes.Count} requêtes\n\n{string.Join("\n\n", commandes)}");
        var affichees = lignes == ""
            ? JsonDocument.Parse(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("items").GetArrayLength()
            : (await ClientPasserelle.DocumentAsync(reponse)).QuerySelectorAll(lignes).Length;
        affichees.ShouldBeGreaterThanOrEqualTo(minimum, page);
    }

    private async Task<(HttpResponseMessage, IReadOnlyList<string>)> LireAsync(ClientPasserelle client, string url)
    {
        (await client.PageAsync(url)).Reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Factory.Requetes.Demarrer();
        var reponse = await client.Http.GetAsync(url);
        return (reponse, app.Factory.Requetes.Arreter());
    }

    private async Task<(HttpResponseMessage, IReadOnlyList<string>)> RechercherAsync(ClientPasserelle client, string url)
    {
        KeyValuePair<string, string>[] champs = [new("Criteres.Nom", Nom)];
        (await client.PosterAsync(url, champs)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var jeton = await client.JetonAsync(url);
        using var contenu = new FormUrlEncodedContent([.. champs, new("__RequestVerificationToken", jeton)]);
        app.Factory.Requetes.Demarrer();
        var reponse = await client.Http.PostAsync(url, contenu);
        return (reponse, app.Factory.Requetes.Arreter());
    }
}

/// <summary>
/// On PostgreSQL only: it is the production database, the name search takes its pg_trgm path there, and its provider
/// sends the journal lines of a list in one batch where SQLite's sends one statement per line.
/// </summary>
public sealed class RequetesParPagePostgresTests(ApplicationPostgres app) : RequetesParPageTests(app), IClassFixture<ApplicationPostgres>;
