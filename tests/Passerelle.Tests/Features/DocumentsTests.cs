using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Document = Passerelle.Domain.Document;
using Passerelle.Features.Beneficiaires.Documents;
using Passerelle.Infrastructure.Web;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class DocumentsTests(ApplicationDeTest app)
{
    private const string Referent = "referent.cantal";

    /// <summary>A person of the Cantal whose référent unique is referent.cantal: he sees the whole dossier.</summary>
    private async Task<Guid> PersonneAsync(string nom = "Vidal")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var referent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email(Referent));
        var personne = new Beneficiaire(db.DepartementCourant.IdObligatoire, nom, null, "Élise", new DateOnly(1985, 4, 12), Sexe.Femme, Dispositifs.Rsa);
        db.Beneficiaires.Add(personne);
        db.ReferentsUniques.Add(ReferentUnique.Designer(
            personne.DepartementId, personne.Id, [], new DateOnly(2025, 1, 6), referent.Id, referent.StructureId, null, null));
        await db.SaveChangesAsync();
        return personne.Id;
    }

    private async Task<Guid> AgentAsync(string identifiant)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.Users.Where(a => a.Email == ClientPasserelle.Email(identifiant)).Select(a => a.Id).SingleAsync();
    }

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = Referent)
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private static string Page(Guid personne) => $"/beneficiaires/{personne}/documents";

    private static async Task<HttpResponseMessage> EnvoyerAsync(ClientPasserelle client, Guid personne, byte[] contenu, string nomFichier, string typeAnnonce = "application/pdf")
    {
        var jeton = await client.JetonAsync(Page(personne));
        using var formulaire = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };
        var partie = new ByteArrayContent(contenu);
        partie.Headers.ContentType = new MediaTypeHeaderValue(typeAnnonce);
        formulaire.Add(partie, nameof(IndexModel.Fichier), nomFichier);
        return await client.Http.PostAsync(Page(personne), formulaire);
    }

    private async Task<(int Documents, int Contenus)> StockesAsync()
    {
        await using var db = app.Base.Contexte();
        return (await db.Documents.IgnoreQueryFilters().CountAsync(), await db.ContenusDocuments.CountAsync());
    }

    private async Task<List<JournalAcces>> JournalAsync(Guid documentId)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.JournalAcces.Where(j => j.TypeEnregistrement == nameof(Document) && j.EnregistrementId == documentId).ToListAsync();
    }

    private async Task<Guid> DocumentAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.Documents.Where(d => d.BeneficiaireId == personne).Select(d => d.Id).SingleAsync();
    }

    private static byte[] Octets(int taille, string debut)
    {
        var octets = new byte[taille];
        new Random(taille).NextBytes(octets);
        Encoding.Latin1.GetBytes(debut).CopyTo(octets, 0);
        return octets;
    }

    private static byte[] Zip(params (string Nom, string Contenu)[] entrees)
    {
        using var memoire = new MemoryStream();
        using (var archive = new ZipArchive(memoire, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (nom, contenu) in entrees)
            {
                using var flux = archive.CreateEntry(nom, nom == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                flux.Write(Encoding.UTF8.GetBytes(contenu));
            }
        }

        return memoire.ToArray();
    }

    private static string Erreurs(IHtmlDocument document) => document.QuerySelector(".resume-erreurs")?.TextContent ?? "";

    [Fact]
    public async Task Un_pdf_envoye_puis_telecharge_revient_identique_en_piece_jointe_et_le_telechargement_est_journalise()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var pdf = Octets(3 * 1024 * 1024 + 123, "%PDF-1.7\n");

        var envoi = await EnvoyerAsync(client, personne, pdf, "Attestation de droits été.pdf");

        envoi.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        envoi.Headers.Location!.OriginalString.ShouldBe(Page(personne));
        var (_, page) = await client.PageAsync(Page(personne));
        page.QuerySelector(".alerte-succes")!.TextContent.ShouldBe("Document ajouté : Attestation de droits été.pdf.");
        var ligne = page.QuerySelectorAll("tbody tr").ShouldHaveSingleItem();
        ligne.Children.Select(c => c.TextContent.Trim()).Skip(1).Take(3).ShouldBe(["PDF", "3 Mo", "Julien Couderc"]);
        var lien = ligne.QuerySelector<IHtmlAnchorElement>("a")!.GetAttribute("href")!;

        using var telechargement = await client.Http.GetAsync(lien);

        telechargement.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await telechargement.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        telechargement.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = telechargement.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe("Attestation de droits été.pdf");
        telechargement.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''Attestation%20de%20droits%20%C3%A9t%C3%A9.pdf");
        telechargement.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var documentId = await DocumentAsync(personne);
        lien.ShouldBe($"{Page(personne)}/{documentId}");
        var journal = await JournalAsync(documentId);
        journal.Select(j => j.Action).Order().ShouldBe([ActionJournal.Creation, ActionJournal.Telechargement]);
        var referent = await AgentAsync(Referent);
        journal.ShouldAllBe(j => j.AgentId == referent);
    }

    [Fact]
    public async Task Chaque_telechargement_ecrit_sa_ligne_au_journal()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        (await EnvoyerAsync(client, personne, Octets(2000, "\x89PNG\r\n\x1A\n"), "photo.png", "image/png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var documentId = await DocumentAsync(personne);

        (await client.Http.GetAsync($"{Page(personne)}/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.Http.GetAsync($"{Page(personne)}/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await JournalAsync(documentId)).Count(j => j.Action == ActionJournal.Telechargement).ShouldBe(2);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.JournalAcces.CountAsync(j => j.Action == ActionJournal.Telechargement && j.TypeEnregistrement == nameof(Beneficiaire) && j.EnregistrementId == personne))
            .ShouldBe(2);
    }

    [Theory]
    [InlineData("MZ\x90\0\x03\0\0\0", "facture.pdf", "application/pdf")]
    [InlineData("Ceci est un simple texte.", "compte rendu.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task Un_fichier_deguise_est_refuse_et_rien_n_est_enregistre(string debut, string nom, string typeAnnonce)
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var avant = await StockesAsync();

        var reponse = await EnvoyerAsync(client, personne, Octets(4096, debut), nom, typeAnnonce);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ClientPasserelle.DocumentAsync(reponse);
        Erreurs(page).ShouldContain(TypesDocuments.MessageFormatRefuse);
        page.QuerySelector("#Fichier")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await StockesAsync()).ShouldBe(avant);
    }

    [Fact]
    public async Task Un_tableur_ods_est_refuse()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var avant = await StockesAsync();
        var ods = Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));

        var reponse = await EnvoyerAsync(client, personne, ods, "budget.odt", "application/vnd.oasis.opendocument.text");

        Erreurs(await ClientPasserelle.DocumentAsync(reponse)).ShouldContain(TypesDocuments.MessageFormatRefuse);
        (await StockesAsync()).ShouldBe(avant);
    }

    [Fact]
    public async Task Un_fichier_de_dix_mega_octets_plus_un_est_refuse_et_rien_n_est_enregistre()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var avant = await StockesAsync();

        var reponse = await EnvoyerAsync(client, personne, Octets((int)Document.TailleMaximale + 1, "%PDF-1.4\n"), "scan.pdf");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ClientPasserelle.DocumentAsync(reponse);
        Erreurs(page).ShouldContain("Le fichier dépasse 10 Mo : il n'a pas été enregistré.");
        (await StockesAsync()).ShouldBe(avant);
    }

    [Fact]
    public async Task Un_fichier_de_dix_mega_octets_exactement_est_accepte()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var pdf = Octets((int)Document.TailleMaximale, "%PDF-1.4\n");

        (await EnvoyerAsync(client, personne, pdf, "scan.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var telechargement = await client.Http.GetAsync($"{Page(personne)}/{await DocumentAsync(personne)}");
        (await telechargement.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
    }

    [Fact]
    public async Task Un_envoi_au_dela_de_la_limite_des_requetes_recoit_la_page_413_en_francais_et_rien_n_est_enregistre()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var avant = await StockesAsync();

        var reponse = await EnvoyerAsync(client, personne, Octets((int)LimitesRequetes.TailleMaximaleCorps + 1024, "%PDF-1.4\n"), "enorme.pdf");

        reponse.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var page = await ClientPasserelle.DocumentAsync(reponse);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Fichier trop volumineux");
        page.QuerySelector(".erreur-page")!.TextContent.ShouldContain("un document ne peut pas dépasser 10 Mo");
        page.DocumentElement.GetAttribute("lang").ShouldBe("fr");
        (await StockesAsync()).ShouldBe(avant);
    }

    [Fact]
    public async Task Un_texte_docx_et_un_texte_odt_sont_reconnus_et_servis_avec_leur_type()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var docx = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));
        var odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

        (await EnvoyerAsync(client, personne, docx, "CV.docx", "application/octet-stream")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Factory.Temps.Advance(TimeSpan.FromMinutes(5));
        (await EnvoyerAsync(client, personne, odt, "Lettre de motivation.odt", "application/octet-stream")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, page) = await client.PageAsync(Page(personne));
        var lignes = page.QuerySelectorAll("tbody tr").Select(l => (Nom: l.Children[0].QuerySelector("a")!.ChildNodes[0].TextContent, Type: l.Children[1].TextContent, Lien: l.QuerySelector("a")!.GetAttribute("href")!)).ToList();
        lignes.Select(l => (l.Nom, l.Type)).ShouldBe([("Lettre de motivation.odt", "ODT"), ("CV.docx", "DOCX")]);
        using var telechargementOdt = await client.Http.GetAsync(lignes[0].Lien);
        telechargementOdt.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.oasis.opendocument.text");
        (await telechargementOdt.Content.ReadAsByteArrayAsync()).ShouldBe(odt);
        using var telechargementDocx = await client.Http.GetAsync(lignes[1].Lien);
        telechargementDocx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    [Fact]
    public async Task Un_dossier_sans_document_le_dit_le_formulaire_annonce_formats_et_taille_et_l_ouverture_est_journalisee()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();

        var (reponse, page) = await client.PageAsync(Page(personne));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("15")))
        {
            (await db.JournalAcces.CountAsync(j => j.Action == ActionJournal.Consultation && j.TypeEnregistrement == nameof(Beneficiaire) && j.EnregistrementId == personne))
                .ShouldBe(1);
        }

        page.QuerySelector(".vide")!.TextContent.ShouldBe("Aucun document n'a encore été ajouté à ce dossier.");
        var champ = page.QuerySelector<IHtmlInputElement>("input[type=file]#Fichier")!;
        champ.GetAttribute("accept")!.Split(',').ShouldBe([".pdf", ".jpg", ".jpeg", ".png", ".odt", ".docx",
            "application/pdf", "image/jpeg", "image/png", "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]);
        page.QuerySelector("#Fichier-aide")!.TextContent.ShouldContain("10 Mo au plus");
        page.QuerySelector("form[method=post][enctype='multipart/form-data']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Le_document_d_une_autre_personne_est_introuvable_meme_dans_le_perimetre()
    {
        var personne = await PersonneAsync();
        var autre = await PersonneAsync("Teyssèdre");
        using var client = await ConnecteAsync();
        (await EnvoyerAsync(client, personne, Octets(500, "\xFF\xD8\xFF\xE0"), "photo.jpg", "image/jpeg")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var documentId = await DocumentAsync(personne);

        var reponse = await client.Http.GetAsync($"{Page(autre)}/{documentId}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JournalAsync(documentId)).ShouldNotContain(j => j.Action == ActionJournal.Telechargement);
    }

    [Fact]
    public async Task Hors_perimetre_404_et_role_sans_dossiers_individuels_403_sans_rien_journaliser_ni_enregistrer()
    {
        var personne = await PersonneAsync();
        using (var referent = await ConnecteAsync())
        {
            (await EnvoyerAsync(referent, personne, Octets(500, "%PDF-1.5\n"), "avis.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var documentId = await DocumentAsync(personne);
        var telechargement = $"{Page(personne)}/{documentId}";
        using var puyDeDome = await ConnecteAsync("referent.puydedome");
        using var pilotage = await ConnecteAsync("pilotage.cantal");
        var avant = await StockesAsync();

        (await puyDeDome.Http.GetAsync(telechargement)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await puyDeDome.Http.GetAsync(Page(personne))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await EnvoyerAutrementAsync(puyDeDome, personne)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pilotage.Http.GetAsync(telechargement)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await pilotage.Http.GetAsync(Page(personne))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await EnvoyerAutrementAsync(pilotage, personne)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await JournalAsync(documentId)).ShouldNotContain(j => j.Action == ActionJournal.Telechargement);
        (await StockesAsync()).ShouldBe(avant);
    }

    /// <summary>An upload by an agent who cannot see the page: the token comes from his home page.</summary>
    private static async Task<HttpResponseMessage> EnvoyerAutrementAsync(ClientPasserelle client, Guid personne)
    {
        using var formulaire = new MultipartFormDataContent { { new StringContent(await client.JetonAsync()), "__RequestVerificationToken" } };
        formulaire.Add(new ByteArrayContent(Octets(500, "%PDF-1.5\n")), nameof(IndexModel.Fichier), "intrus.pdf");
        return await client.Http.PostAsync(Page(personne), formulaire);
    }

    [Fact]
    public async Task Un_envoi_sans_fichier_demande_d_en_choisir_un()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var jeton = await client.JetonAsync(Page(personne));
        using var formulaire = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };

        var reponse = await client.Http.PostAsync(Page(personne), formulaire);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        Erreurs(await ClientPasserelle.DocumentAsync(reponse)).ShouldContain(IndexModel.MessageAucunFichier);
    }
}

public sealed class DocumentsSqliteTests(ApplicationSqlite app) : DocumentsTests(app), IClassFixture<ApplicationSqlite>;

public sealed class DocumentsPostgresTests(ApplicationPostgres app) : DocumentsTests(app), IClassFixture<ApplicationPostgres>;
