global using Exemplars.Domain.Documents;
