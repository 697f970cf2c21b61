using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Administration.Agents;

/// <summary>The fields shared by the creation and the edition of an agent.</summary>
public class SaisieAgent
{
    [Required(ErrorMessage = "Saisissez le prénom.")]
    [StringLength(100, ErrorMessage = "Le prénom ne dépasse pas 100 caractères.")]
    public string Prenom { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le nom.")]
    [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
    public string Nom { get; set; } = "";

    [Required(ErrorMessage = "Choisissez la structure de l'agent.")]
    public Guid? StructureId { get; set; }

    public List<Role> Roles { get; set; } = [];
}

/// <summary>The model of the shared fields partial: its property names make the fields post as "Saisie.…".</summary>
public sealed record ChampsAgent(SaisieAgent Saisie, List<SelectListItem> Structures);

public static class ListesAgents
{
    public static Task<List<SelectListItem>> StructuresAsync(PasserelleDbContext db, CancellationToken cancellationToken) =>
        db.Structures.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Nom)
            .Select(s => new SelectListItem(s.Nom, s.Id.ToString()))
            .ToListAsync(cancellationToken);
}
