global using System.Net;
global using System.Net.Http.Json;
global using Exemplars.Web.Tests.Infrastructure;
