using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Passerelle.Infrastructure.Web;

/// <summary>
/// One form field as every form of Passerelle shows it: label, hint, control, and the error message
/// linked to the control by aria-describedby. Usage: <c>&lt;champ pour="Saisie.Nom" libelle="Nom" /&gt;</c>.
/// </summary>
[HtmlTargetElement("champ", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChampTagHelper : TagHelper
{
    [HtmlAttributeName("pour")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression Pour { get; set; } = null!;

    [HtmlAttributeName("libelle")]
    public string Libelle { get; set; } = "";

    [HtmlAttributeName("aide")]
    public string? Aide { get; set; }

    /// <summary>text, email, password, date, number, textarea, select, checkbox, file.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("options")]
    public IEnumerable<SelectListItem>? Options { get; set; }

    [HtmlAttributeName("option-vide")]
    public string? OptionVide { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("obligatoire")]
    public bool Obligatoire { get; set; }

    [HtmlAttributeName("multiple")]
    public bool Multiple { get; set; }

    [HtmlAttributeName("accept")]
    public string? Accept { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var nom = NomComplet();
        var id = TagBuilder.CreateSanitizedId(nom, "_");
        var erreurs = ViewContext.ViewData.ModelState.TryGetValue(nom, out var etat) ? etat.Errors.Select(e => e.ErrorMessage).ToList() : [];
        // A ticked box posts "true" and its hidden "false": the first value is the box's.
        var valeurTentee = Type == "checkbox" ? etat?.AttemptedValue?.Split(',')[0] : etat?.AttemptedValue;
        var decritPar = new List<string>();
        if (Aide is not null)
        {
            decritPar.Add($"{id}-aide");
        }

        if (erreurs.Count > 0)
        {
            decritPar.Add($"{id}-erreur");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "champ case" : "champ");

        var controle = Controle(nom, id, valeurTentee);
        if (erreurs.Count > 0)
        {
            controle.Attributes["aria-invalid"] = "true";
        }

        if (decritPar.Count > 0)
        {
            controle.Attributes["aria-describedby"] = string.Join(' ', decritPar);
        }

        if (Obligatoire)
        {
            controle.Attributes["required"] = "required";
            controle.Attributes["aria-required"] = "true";
        }

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Libelle);
        if (Obligatoire)
        {
            label.InnerHtml.AppendHtml(" <span class=\"texte-discret\">(obligatoire)</span>");
        }

        var contenu = output.Content;
        if (Type == "checkbox")
        {
            contenu.AppendHtml(controle);
            contenu.AppendHtml(label);
            // An unchecked box posts nothing: this hidden field makes it post "false".
            contenu.AppendHtml($"<input type=\"hidden\" name=\"{HtmlEncoder.Default.Encode(nom)}\" value=\"false\">");
        }
        else
        {
            contenu.AppendHtml(label);
        }

        if (Aide is not null)
        {
            var aide = new TagBuilder("p");
            aide.AddCssClass("aide");
            aide.Attributes["id"] = $"{id}-aide";
            aide.InnerHtml.Append(Aide);
            contenu.AppendHtml(aide);
        }

        if (erreurs.Count > 0)
        {
            var erreur = new TagBuilder("p");
            erreur.AddCssClass("champ-erreur");
            erreur.Attributes["id"] = $"{id}-erreur";
            erreur.InnerHtml.Append(string.Join(" ", erreurs));
            contenu.AppendHtml(erreur);
        }

        if (Type != "checkbox")
        {
            contenu.AppendHtml(controle);
        }
    }

    private string NomComplet()
    {
        var prefixe = ViewContext.ViewData.TemplateInfo.HtmlFieldPrefix;
        return string.IsNullOrEmpty(prefixe) ? Pour.Name : $"{prefixe}.{Pour.Name}";
    }

    private TagBuilder Controle(string nom, string id, string? valeurTentee)
    {
        var valeur = valeurTentee ?? Formater(Pour.Model);
        TagBuilder controle;
        switch (Type)
        {
            case "textarea":
                controle = new TagBuilder("textarea");
                controle.Attributes["rows"] = "4";
                controle.InnerHtml.Append(valeur ?? "");
                break;
            case "select":
                controle = new TagBuilder("select");
                if (Multiple)
                {
                    controle.Attributes["multiple"] = "multiple";
                }

                // Ignoring case: SQLite formats Guids in capitals when a query turns them into text.
                var choisies = Pour.Model is System.Collections.IEnumerable liste and not string
                    ? liste.Cast<object>().Select(Formater).ToHashSet(StringComparer.OrdinalIgnoreCase)
                    : new HashSet<string?>(StringComparer.OrdinalIgnoreCase) { valeur };
                if (OptionVide is not null)
                {
                    var vide = new TagBuilder("option");
                    vide.Attributes["value"] = "";
                    vide.InnerHtml.Append(OptionVide);
                    controle.InnerHtml.AppendHtml(vide);
                }

                foreach (var option in Options ?? [])
                {
                    var balise = new TagBuilder("option");
                    balise.Attributes["value"] = option.Value;
                    if (option.Selected || choisies.Contains(option.Value))
                    {
                        balise.Attributes["selected"] = "selected";
                    }

                    balise.InnerHtml.Append(option.Text);
                    controle.InnerHtml.AppendHtml(balise);
                }

                break;
            case "checkbox":
                controle = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                controle.Attributes["type"] = "checkbox";
                controle.Attributes["value"] = "true";
                if (string.Equals(valeur, "true", StringComparison.OrdinalIgnoreCase))
                {
                    controle.Attributes["checked"] = "checked";
                }

                break;
            default:
                controle = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                controle.Attributes["type"] = Type;
                if (Type is not ("password" or "file"))
                {
                    controle.Attributes["value"] = valeur ?? "";
                }

                if (Accept is not null)
                {
                    controle.Attributes["accept"] = Accept;
                }

                break;
        }

        controle.Attributes["id"] = id;
        controle.Attributes["name"] = nom;
        if (Autocomplete is not null)
        {
            controle.Attributes["autocomplete"] = Autocomplete;
        }

        return controle;
    }

    private static string? Formater(object? valeur) => valeur switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => valeur.ToString(),
    };
}
