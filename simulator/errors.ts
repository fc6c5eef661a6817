// Ozon's error envelope: `{code, message, details: []}` with the HTTP status Ozon pairs with it.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, 3, message);
export const notFound = (message: string): ApiError => new ApiError(404, 5, message);
