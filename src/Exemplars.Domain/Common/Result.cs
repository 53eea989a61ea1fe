namespace Exemplars.Domain.Common;

/// <summary>The outcome of a use case: a value, or one or more errors (never both).</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<DomainError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(errors));
        }

        Errors = errors;
    }

    public IReadOnlyList<DomainError> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(params DomainError[] errors) => new(errors);

    public static Result<T> Failure(IReadOnlyList<DomainError> errors) => new(errors);

#pragma warning disable CA2225 // Implicit conversions keep handlers readable; Success/Failure are the named alternates.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(DomainError error) => Failure(error);
#pragma warning restore CA2225
}
