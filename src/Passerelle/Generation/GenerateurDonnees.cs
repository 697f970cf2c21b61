using System.Threading.Channels;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Demo;
using Passerelle.Domain;
using Passerelle.Infrastructure.Hosting;
using Passerelle.Infrastructure.Securite;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Generation;

/// <summary>
/// The <c>generer</c> command: adds to an existing département generated people with three years of history — rights,
/// barrier diagnostics, notes, référents, orientations with their delays, contracts, rendez-vous, prescriptions with
/// hours, bilans and exits — drawn in batches by the demo's generators (<see cref="PersonnesDemo"/>,
/// <see cref="ParcoursDemo"/>, <see cref="PrescriptionsDemo"/>) from the département's own structures, agents and offer,
/// with one generated référent per <see cref="PersonnesParReferent"/> people so that caseloads keep a real size.
/// <para>
/// Streamed: a batch is drawn while the previous one is written (<see cref="EcritureMasse"/>), and at most
/// <see cref="LotsEnAttente"/> wait in between, so memory stays flat whatever the count. Deterministic: the same seed on the
/// same day, over the same département, gives the same rows with the same ids (only the NIRs' ciphertexts, drawn
/// with a random nonce, differ).
/// </para>
/// </summary>
public sealed class GenerateurDonnees(PasserelleDbContext db, DepartementCourant departementCourant, ProtectionNir protection, TimeProvider temps)
{
    public const int PersonnesParLot = 1_000;
    public const int PersonnesParReferent = 150;
    private const int LotsEnAttente = 2;

    public async Task<ResultatGeneration> GenererAsync(OptionsGeneration options, TextWriter sortie, CancellationToken cancellationToken = default)
    {
        var departement = await db.Departements.AsNoTracking().SingleOrDefaultAsync(d => d.Code == options.Departement, cancellationToken)
            ?? throw new RegleMetierException($"Le département « {options.Departement} » n'existe pas : créez-le d'abord (administration de la plateforme ou commande demo).");
        departementCourant.Definir(departement.Id);
        // The closing statements (the follow-up state of every person, VACUUM) run past the 30 s of an ordinary command.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));

        var debut = System.Diagnostics.Stopwatch.GetTimestamp();
        var aujourdhui = temps.Aujourdhui(departement.Fuseau);
        // Batches are numbered after those of earlier runs (read back from their ids), so that a second run adds other people.
        var ids = await db.Beneficiaires.Select(b => b.Id).ToListAsync(cancellationToken);
        var premierLot = ids.Select(Renumerotation.Lot).DefaultIfEmpty(0).Max() + 1;
        var cadre = await CadreGeneration.LireAsync(db, departement, options, premierLot, cancellationToken);

        await using var ecriture = EcritureMasse.Pour(db);
        await ecriture.CommencerAsync(cancellationToken);
        var idsCadre = new Renumerotation(options.Graine, 0);
        await ecriture.EcrireAsync(cadre.NouveauxModeles, idsCadre, cancellationToken);
        await ecriture.EcrireAsync(cadre.NouveauxAgents, idsCadre, cancellationToken);
        await ecriture.EcrireAsync(cadre.NouveauxRoles, idsCadre, cancellationToken);
        await ecriture.ValiderAsync(cancellationToken);

        var lots = Channel.CreateBounded<LotGenere>(new BoundedChannelOptions(LotsEnAttente) { SingleReader = true, SingleWriter = true });
        var tirage = Task.Run(() => TirerAsync(cadre, options, premierLot, aujourdhui, lots.Writer, cancellationToken), cancellationToken);
        var progression = new BarreProgression(sortie, options.Personnes);
        var lignes = 0L;
        await foreach (var lot in lots.Reader.ReadAllAsync(cancellationToken))
        {
            await ecriture.CommencerAsync(cancellationToken);
            lignes += await lot.EcrireAsync(ecriture, cancellationToken);
            await ecriture.ValiderAsync(cancellationToken);
            progression.Avancer(lot.Personnes.Beneficiaires.Count);
        }

        await tirage;
        progression.Terminer();
        // Written by COPY, not by the context: the stored follow-up state is computed in one statement.
        var departementId = departement.Id;
        await SuiviCourant.RecalculerAsync(db, b => b.DepartementId == departementId, cancellationToken);
        await ecriture.AnalyserAsync(cancellationToken);
        return new ResultatGeneration(departement.Code, options.Personnes, lignes + cadre.NouveauxAgents.Count, cadre.NouveauxAgents.Count,
            System.Diagnostics.Stopwatch.GetElapsedTime(debut));
    }

    private async Task TirerAsync(CadreGeneration cadre, OptionsGeneration options, int premierLot, DateOnly aujourdhui, ChannelWriter<LotGenere> lots, CancellationToken cancellationToken)
    {
        var generateur = new PersonnesDemo(protection);
        try
        {
            for (var (n, restant) = (0, options.Personnes); restant > 0; n++)
            {
                var numero = premierLot + n;
                var graine = GraineDuLot(options.Graine, numero);
                var nombre = Math.Min(PersonnesParLot, restant);
                var personnes = generateur.Generer(cadre.Personnes with { Graine = graine }, aujourdhui, nombre, doublons: nombre >= 100 ? 1 : 0);
                var parcours = ParcoursDemo.Generer(cadre.Parcours with { Graine = graine }, personnes, aujourdhui);
                var prescriptions = PrescriptionsDemo.Generer(cadre.Prescriptions with { Graine = graine }, personnes, parcours, aujourdhui);
                await lots.WriteAsync(new LotGenere(new Renumerotation(options.Graine, numero), personnes, parcours, prescriptions), cancellationToken);
                restant -= nombre;
            }

            lots.Complete();
        }
        catch (Exception erreur)
        {
            lots.Complete(erreur);
            throw;
        }
    }

    /// <summary>Distinct for each batch of each seed; the demo's generators mix it with each person's rank.</summary>
    private static int GraineDuLot(int graine, int lot) => unchecked((graine * 1_000_003) + (lot * 7_919) + 104_729);

    /// <summary>One batch's rows, in the order foreign keys require.</summary>
    private sealed record LotGenere(Renumerotation Ids, LotDemo Personnes, LotParcoursDemo Parcours, LotPrescriptionsDemo Prescriptions)
    {
        public async Task<long> EcrireAsync(EcritureMasse ecriture, CancellationToken cancellationToken)
        {
            var clotures = Personnes.Beneficiaires.SelectMany(b => b.Clotures).ToList();
            var heures = Prescriptions.Prescriptions.SelectMany(p => p.Heures).ToList();
            var bilans = Prescriptions.Prescriptions.SelectMany(p => p.Bilans).ToList();
            (IReadOnlyCollection<object> Lignes, Func<Task> Ecrire) Table<T>(IReadOnlyCollection<T> lignes) where T : class =>
                (lignes, () => ecriture.EcrireAsync(lignes, Ids, cancellationToken));
            // In the order foreign keys require.
            (IReadOnlyCollection<object> Lignes, Func<Task> Ecrire)[] tables =
            [
                Table(Personnes.Foyers), Table(Personnes.Beneficiaires), Table(clotures), Table(Personnes.Droits), Table(Personnes.Referents),
                Table(Personnes.Evaluations), Table(Personnes.Notes),
                Table(Parcours.Orientations), Table(Parcours.Demandes), Table(Parcours.Contrats), Table(Parcours.Seances), Table(Parcours.RendezVous),
                Table(Parcours.Suppleances), Table(Parcours.Messages),
                Table(Prescriptions.Prescriptions), Table(heures), Table(bilans), Table(Prescriptions.Entretiens), Table(Prescriptions.Notifications),
            ];

            // Every new id of the batch is known before the first row is written: rows refer to rows written after them.
            foreach (var (lignes, _) in tables)
            {
                System.Reflection.PropertyInfo? propriete = null;
                foreach (var entite in lignes)
                {
                    propriete ??= entite.GetType().GetProperty("Id");
                    if (propriete?.GetValue(entite) is Guid id)
                    {
                        Ids.Ajouter(id);
                    }
                }
            }

            foreach (var (_, ecrire) in tables)
            {
                await ecrire();
            }

            return tables.Sum(t => (long)t.Lignes.Count);
        }
    }
}

public sealed record ResultatGeneration(string Departement, int Personnes, long Lignes, int Referents, TimeSpan Duree);

/// <summary>
/// What the demo's generators need, read from the département: its sectors (the territories of the most common type, or
/// the whole département), référents and their structures, the orientation agent, the QPVs, the letter template, the offer
/// and its operators. The référents the count calls for are created here, without a password: nobody signs in with them.
/// </summary>
internal sealed record CadreGeneration(
    CadreDemo Personnes, CadreParcoursDemo Parcours, CadrePrescriptionsDemo Prescriptions,
    IReadOnlyCollection<Agent> NouveauxAgents, IReadOnlyCollection<IdentityUserRole<Guid>> NouveauxRoles, IReadOnlyCollection<ModeleCourrier> NouveauxModeles)
{
    private static readonly HashSet<string> Normandie = new(["14", "27", "50", "61", "76"], StringComparer.Ordinal);

    public static async Task<CadreGeneration> LireAsync(
        PasserelleDbContext db, Departement departement, OptionsGeneration options, int premierLot, CancellationToken cancellationToken)
    {
        var structures = await db.Structures.AsNoTracking().Include(s => s.Territoires).ToDictionaryAsync(s => s.Id, cancellationToken);
        var territoires = await db.Territoires.AsNoTracking().Include(t => t.Communes).OrderBy(t => t.Nom).ToListAsync(cancellationToken);
        var agents = await db.Users.AsNoTracking().OrderBy(a => a.NormalizedEmail).ToListAsync(cancellationToken);
        var roles = (await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.UserId, r => r.RoleId);
        List<Agent> Avec(Role role) => agents.Where(a => a.Actif && roles[a.Id].Contains(RolesIdentite.IdPour(role))).ToList();

        var referents = Avec(Role.Referent).Where(a => a.StructureId is { } s && structures.ContainsKey(s)).ToList();
        var referentPlie = referents.Find(a => structures[a.StructureId!.Value].Type == TypeStructure.Plie);
        var secteurs = await SecteursAsync(db, departement, territoires, cancellationToken);

        // One référent per PersonnesParReferent people, spread over the sectors by weight, in a structure of the Département
        // of the sector (or of an existing référent of the sector, or any of the Département's).
        var r = new Randomizer(unchecked((options.Graine * 31) + premierLot));
        var faker = new Faker("fr") { Random = r };
        var nouveaux = new List<Agent>();
        // Numbered after those of earlier runs, so that a run after an interrupted one does not reuse an identifier.
        var prefixe = $"referent.{departement.Code.ToLowerInvariant()}-g";
        var dejaGeneres = agents.Count(a => a.Email!.StartsWith(prefixe, StringComparison.Ordinal));
        var nombre = Math.Max(secteurs.Count, (options.Personnes + GenerateurDonnees.PersonnesParReferent - 1) / GenerateurDonnees.PersonnesParReferent);
        var totalPoids = secteurs.Sum(s => s.Poids);
        var secteursDemo = new List<SecteurDemo>();
        foreach (var (secteur, rang) in secteurs.Select((s, i) => (s, i)))
        {
            var existants = referents
                .Where(a => a != referentPlie && (secteur.TerritoireId is null || structures[a.StructureId!.Value].Territoires.Count == 0
                    || structures[a.StructureId!.Value].Territoires.Exists(t => t.TerritoireId == secteur.TerritoireId)))
                .ToList();
            var structure = StructureDuSecteur(structures.Values, secteur.TerritoireId, TypeStructure.ServiceDepartement)
                ?? existants.Select(a => structures[a.StructureId!.Value]).FirstOrDefault()
                ?? structures.Values.Where(s => s.Type == TypeStructure.ServiceDepartement).OrderBy(s => s.Nom, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new RegleMetierException($"Le département « {departement.Code} » n'a aucune structure du Département où rattacher les référents générés.");
            var part = rang == secteurs.Count - 1 ? nombre - nouveaux.Count : Math.Max(1, nombre * secteur.Poids / totalPoids);
            var membres = existants.Select(a => new ReferentDemo(a, 1)).ToList();
            for (var i = 0; i < part; i++)
            {
                var agent = NouveauReferent(departement, structure, prefixe, dejaGeneres + nouveaux.Count + 1, faker);
                nouveaux.Add(agent);
                membres.Add(new ReferentDemo(agent, 1));
            }

            secteursDemo.Add(new SecteurDemo(
                secteur.Nom, secteur.Communes, secteur.Poids, membres,
                StructureDuSecteur(structures.Values, secteur.TerritoireId, TypeStructure.FranceTravail)?.Nom ?? $"France Travail – {secteur.Nom}",
                Math.Max(1, membres.Count / 3),
                StructureDuSecteur(structures.Values, secteur.TerritoireId, TypeStructure.MissionLocale)?.Nom ?? $"Mission locale – {secteur.Nom}"));
        }

        var qpvs = await db.Qpvs.AsNoTracking().ToListAsync(cancellationToken);
        var normandie = Normandie.Contains(departement.Code);
        var personnes = new CadreDemo(
            departement, options.Graine, secteursDemo, normandie ? PersonnesDemo.NomsNormandie : PersonnesDemo.NomsAuvergne,
            ["75", "69", "13", "59", "93", "33"], referentPlie, Avec(Role.AgentOrientation).FirstOrDefault(), qpvs, PartMsa: 0.05,
            IndicatifFixe: normandie ? "02 61 91" : "04 65 71");

        var modele = await db.ModelesCourrier.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var nouveauxModeles = new List<ModeleCourrier>();
        if (modele is null)
        {
            modele = new ModeleCourrier(departement.Id, $"Département {departement.Nom} – Direction de l'insertion", "Hôtel du Département", "La directrice de l'insertion",
                "Pour le président du conseil départemental et par délégation");
            nouveauxModeles.Add(modele);
        }

        var tousAgents = agents.Concat(nouveaux).ToDictionary(a => a.Id);
        var responsable = Avec(Role.Responsable).FirstOrDefault() ?? referents.FirstOrDefault() ?? nouveaux[0];
        var parcours = new CadreParcoursDemo(departement, options.Graine, structures, responsable, personnes.AgentOrientation, null, null, modele);

        var operateurs = Avec(Role.Operateur).Where(a => a.StructureId is not null).GroupBy(a => a.StructureId!.Value).ToDictionary(g => g.Key, g => g.First());
        var actions = await db.Actions.AsNoTracking().Include(a => a.Territoires).Where(a => a.Publiee).OrderBy(a => a.Nom).ToListAsync(cancellationToken);
        actions.RemoveAll(a => !operateurs.ContainsKey(a.StructureId));
        var sessions = await db.SessionsActions.AsNoTracking().OrderBy(s => s.Debut).ToListAsync(cancellationToken);
        var communesDesTerritoires = territoires.ToDictionary(t => t.Id, t => (IReadOnlyList<string>)t.Communes.Select(c => c.CommuneCode).Order(StringComparer.Ordinal).ToList());
        var prescriptions = new CadrePrescriptionsDemo(
            departement, options.Graine, new OffreDemo(actions, sessions, operateurs), structures, tousAgents, communesDesTerritoires);

        var nouveauxRoles = nouveaux.Select(a => new IdentityUserRole<Guid> { UserId = a.Id, RoleId = RolesIdentite.IdPour(Role.Referent) }).ToList();
        return new CadreGeneration(personnes, parcours, prescriptions, nouveaux, nouveauxRoles, nouveauxModeles);
    }

    private sealed record Secteur(string Nom, Guid? TerritoireId, IReadOnlyList<string> Communes, int Poids);

    private static async Task<List<Secteur>> SecteursAsync(PasserelleDbContext db, Departement departement, List<Territoire> territoires, CancellationToken cancellationToken)
    {
        var type = territoires.Where(t => t.Communes.Count > 0).GroupBy(t => t.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
        if (type is not null)
        {
            return type.Select(t => new Secteur(t.Nom, t.Id, t.Communes.Select(c => c.CommuneCode).Order(StringComparer.Ordinal).ToList(), t.Communes.Count)).ToList();
        }

        var communes = await db.Communes.AsNoTracking().Where(c => c.CodeDepartement == departement.Code).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(cancellationToken);
        if (communes.Count == 0)
        {
            throw new RegleMetierException($"Le référentiel des communes ne contient aucune commune du département « {departement.Code} » : lancez d'abord la commande migrate.");
        }

        return [new Secteur(departement.Nom, null, communes, 1)];
    }

    private static Structure? StructureDuSecteur(IEnumerable<Structure> structures, Guid? territoireId, TypeStructure type) =>
        structures.Where(s => s.Type == type && territoireId is { } t && s.Territoires.Exists(st => st.TerritoireId == t))
            .OrderBy(s => s.Nom, StringComparer.Ordinal)
            .FirstOrDefault();

    // Corsica's 2A and 2B become 201 and 202, which no other département uses.
    private static uint NumeroDepartement(string code) =>
        code switch
        {
            "2A" => 201,
            "2B" => 202,
            _ => uint.Parse(code, System.Globalization.CultureInfo.InvariantCulture),
        };

    private static Agent NouveauReferent(Departement departement, Structure structure, string prefixe, int numero, Faker faker)
    {
        var femme = faker.Random.Bool(0.7f);
        var prenom = faker.Name.FirstName(femme ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var identifiant = $"{prefixe}{numero}";
        // No password: nobody signs in as a generated référent. Stamps drawn from the seed keep the rows deterministic.
        var agent = new Agent(departement.Id, structure.Id, $"{identifiant}@{ChargeurDemo.Domaine}", prenom, faker.Name.LastName())
        {
            // Batch zero of the département's code: apart from every batch of people, the same at each run of the seed.
            Id = Renumerotation.Id(NumeroDepartement(departement.Code), 0, (ulong)numero),
            EmailConfirmed = true,
            LockoutEnabled = true,
            SecurityStamp = faker.Random.Guid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = faker.Random.Guid().ToString(),
        };
        agent.NormalizedEmail = agent.Email!.ToUpperInvariant();
        agent.NormalizedUserName = agent.NormalizedEmail;
        return agent;
    }
}
