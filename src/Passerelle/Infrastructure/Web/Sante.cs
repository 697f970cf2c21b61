using Passerelle.Data;

namespace Passerelle.Infrastructure.Web;

public static class Sante
{
    public static async Task<IResult> VerifierAsync(PasserelleDbContext db, CancellationToken cancellationToken)
    {
        bool disponible;
        try
        {
            disponible = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            disponible = false;
        }

        return disponible
            ? TypedResults.Text("OK", "text/plain")
            : TypedResults.Text("Base de données indisponible", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
